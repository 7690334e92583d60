//! The mentor profile page: opt in, offer competencies, capacity, mode and bio.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    i18n::*,
    mentoring::{
        MentorMode,
        profile::{SaveMentorProfile, get_mentor_profile},
        rules::MAX_CAPACITY,
        ui::mode_text,
    },
    ui::{ErrorMessage, Field, Loading, PageTitle, page_or_error, posted_error, posted_flag},
};

#[component]
pub fn MentorProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMentorProfile>::new();
    let data = Resource::new(|| (), |_| get_mentor_profile());
    let error = posted_error();
    let saved = posted_flag("tersimpan");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, mentoring.profile_title) />
        <h1>{t!(i18n, mentoring.profile_title)}</h1>
        <p class="muted">{t!(i18n, mentoring.profile_intro)}</p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Show when=saved>
            <p class="alert alert-ok" role="status">{t!(i18n, mentoring.saved)} " " <A href="/mentoring/permintaan">{t!(i18n, mentoring.to_desk)}</A></p>
        </Show>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |p| {
                        if p.expertise.is_empty() {
                            return view! { <p class="empty">{t!(i18n, mentoring.no_expertise_choices)}</p> }.into_any();
                        }
                        let mode = p.mode;
                        view! {
                            <ActionForm action=save attr:class="form card">
                                <fieldset>
                                    <legend>{t!(i18n, mentoring.expertise)}</legend>
                                    {p.expertise
                                        .iter()
                                        .enumerate()
                                        .map(|(i, e)| {
                                            let id = format!("keahlian-{}", e.competency_id);
                                            let for_id = id.clone();
                                            let level = e.level.unwrap_or(0);
                                            view! {
                                                <div class="check">
                                                    <input type="checkbox" id=id name=format!("profile[expertise][{i}]") value=e.competency_id checked=e.chosen />
                                                    <label for=for_id>
                                                        {e.code.clone()} " " {e.name.clone()} " · " {t!(i18n, mentoring.level_short, level = level)}
                                                    </label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                                <Field id="kapasitas" label=move || t!(i18n, mentoring.capacity)>
                                    <input id="kapasitas" name="profile[capacity]" type="number" min="1" max=MAX_CAPACITY required value=p.capacity />
                                </Field>
                                <Field id="cara" label=move || t!(i18n, mentoring.mode)>
                                    <select id="cara" name="profile[mode]">
                                        {MentorMode::ALL
                                            .into_iter()
                                            .map(|m| view! { <option value=m.as_db() selected=m == mode>{move || mode_text(i18n, m)}</option> })
                                            .collect_view()}
                                    </select>
                                </Field>
                                <Field id="bio" label=move || t!(i18n, mentoring.bio)>
                                    <textarea id="bio" name="profile[bio]" rows="3" maxlength="500">{p.bio.clone()}</textarea>
                                </Field>
                                <div class="check">
                                    <input type="checkbox" id="menerima" name="profile[accepting]" value="1" checked=p.accepting />
                                    <label for="menerima">{t!(i18n, mentoring.accepting)}</label>
                                </div>
                                <button type="submit" class="button primary">{t!(i18n, mentoring.save)}</button>
                            </ActionForm>
                        }
                            .into_any()
                    },
                )
            })}
        </Suspense>
    }
}
