//! A module's Markdown made into the HTML learners read (ssr only): rendered with
//! pulldown-cmark, then cleaned by ammonia down to a small, safe set of elements. It runs
//! once, when a revision is saved; the stored HTML is what every page serves.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::learning::{
    FileKind, FileRef, Files,
    material::rules::{FILE_SCHEME, FileName, SMALL_WIDTH, human_size},
    rules::LearningError,
};

/// The elements a module may hold: text structure, tables, code, links and images. No
/// scripts, styles, forms, frames or inline event handlers, whatever the text held.
const TAGS: &[&str] = &[
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// One heading level down: the page's own title is the only `h1`.
fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// A file named in a module's text, and whether it is shown as an image or linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileUse {
    pub id: i64,
    pub as_image: bool,
}

/// Every `berkas:` a text names; an unreadable one (`berkas:abc`) is refused.
pub fn file_uses(markdown: &str) -> Result<Vec<FileUse>, LearningError> {
    let mut uses = Vec::new();
    for event in Parser::new_ext(markdown, OPTIONS) {
        let (dest, as_image) = match &event {
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            _ => continue,
        };
        if let Some(id) = dest.strip_prefix(FILE_SCHEME) {
            let id = id.parse().map_err(|_| LearningError::FileUnknown)?;
            uses.push(FileUse { id, as_image });
        }
    }
    Ok(uses)
}

/// Whether every file a text names is one of the course's, and every image an image.
pub fn check_files(markdown: &str, files: &Files) -> Result<(), LearningError> {
    for used in file_uses(markdown)? {
        match files.by_id.get(&used.id) {
            Some(file) if !used.as_image || file.kind == FileKind::Image => {}
            _ => return Err(LearningError::FileUnknown),
        }
    }
    Ok(())
}

const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// What a link's text is followed by, so that a learner on a slow link knows before
/// tapping: a file's type and size, or that a video needs the internet.
fn link_note(dest: &str, files: &Files) -> (Option<String>, Option<String>) {
    if let Some(id) = dest.strip_prefix(FILE_SCHEME) {
        let Some((id, file)) = id
            .parse::<i64>()
            .ok()
            .and_then(|id| files.by_id.get(&id).map(|f| (id, f)))
        else {
            return (None, None);
        };
        let name = FileName {
            id,
            kind: file.kind,
            small: false,
        };
        let kind = match file.kind {
            FileKind::Image => "gambar",
            FileKind::Pdf => "PDF",
        };
        return (
            Some(name.url(files.program_id)),
            Some(format!(" ({kind}, {})", human_size(file.bytes))),
        );
    }
    let host = dest
        .strip_prefix("https://")
        .or_else(|| dest.strip_prefix("http://"))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .map(str::to_ascii_lowercase);
    let video = host.as_deref().and_then(|host| {
        let host = host.strip_prefix("www.").unwrap_or(host);
        let host = host.strip_prefix("m.").unwrap_or(host);
        VIDEO_HOSTS
            .iter()
            .find(|(h, _)| *h == host)
            .map(|(_, name)| *name)
    });
    (
        None,
        video.map(|name| format!(" (video {name}, perlu internet)")),
    )
}

/// Sites whose links are videos: named after the link, never embedded (an embed loads
/// megabytes before the learner chose to watch).
const VIDEO_HOSTS: &[(&str, &str)] = &[
    ("youtube.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("vimeo.com", "Vimeo"),
];

/// An image of the course: its two widths for the browser to choose from, its size so
/// that the text does not jump while it loads.
fn image_html(id: i64, file: &FileRef, alt: &str, files: &Files) -> String {
    let large = FileName {
        id,
        kind: FileKind::Image,
        small: false,
    }
    .url(files.program_id);
    let alt = ammonia::clean_text(alt);
    let srcset = if file.small {
        let small = FileName {
            id,
            kind: FileKind::Image,
            small: true,
        }
        .url(files.program_id);
        format!(
            " srcset=\"{small} {SMALL_WIDTH}w, {large} {}w\" sizes=\"(max-width: 40rem) 100vw, 40rem\"",
            file.width
        )
    } else {
        String::new()
    };
    format!(
        "<img src=\"{large}\"{srcset} width=\"{}\" height=\"{}\" alt=\"{alt}\">",
        file.width, file.height
    )
}

/// Renders a module's Markdown into sanitised HTML; `files` are the course's, which
/// `berkas:ID` names.
pub fn render(markdown: &str, files: &Files) -> String {
    let mut events = Vec::new();
    // An image of the course being read: its alternative text is gathered to its end.
    let mut image: Option<(i64, String)> = None;
    let mut notes: Vec<Option<String>> = Vec::new();
    for event in Parser::new_ext(markdown, OPTIONS) {
        if let Some((_, alt)) = image.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    let (id, alt) = image.take().unwrap_or_default();
                    let html = match files.by_id.get(&id) {
                        Some(file) if file.kind == FileKind::Image => {
                            image_html(id, file, &alt, files)
                        }
                        _ => ammonia::clean_text(&alt),
                    };
                    events.push(Event::Html(html.into()));
                }
                Event::Text(text) | Event::Code(text) => alt.push_str(&text),
                _ => {}
            }
            continue;
        }
        let event = match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: lower(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
            // Raw HTML in the text is shown as the text it is, never run.
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Image { ref dest_url, .. }) if dest_url.starts_with(FILE_SCHEME) => {
                let id = dest_url[FILE_SCHEME.len()..].parse().unwrap_or(0);
                image = Some((id, String::new()));
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (url, note) = link_note(&dest_url, files);
                notes.push(note);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: url.map_or(dest_url, Into::into),
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) => {
                events.push(Event::End(TagEnd::Link));
                if let Some(note) = notes.pop().flatten() {
                    events.push(Event::Text(note.into()));
                }
                continue;
            }
            other => other,
        };
        events.push(event);
    }
    let mut unsafe_html = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut unsafe_html, events.into_iter());
    ammonia::Builder::default()
        .tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .tag_attributes(
            [
                ("a", ["href", "title"].into_iter().collect::<HashSet<_>>()),
                (
                    "img",
                    ["src", "srcset", "sizes", "width", "height", "alt", "title"]
                        .into_iter()
                        .collect(),
                ),
            ]
            .into_iter()
            .collect(),
        )
        .generic_attributes(HashSet::new())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .set_tag_attribute_value("img", "loading", "lazy")
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn render_plain(markdown: &str) -> String {
        render(markdown, &Files::default())
    }

    #[test]
    fn markdown_becomes_structure_one_heading_level_down() {
        let html = render_plain("# Pelayanan\n\nTeks **penting** dan *miring*.\n\n- satu\n- dua\n");
        assert!(html.contains("<h2>Pelayanan</h2>"), "{html}");
        assert!(html.contains("<strong>penting</strong>"), "{html}");
        assert!(html.contains("<em>miring</em>"), "{html}");
        assert!(html.contains("<ul>\n<li>satu</li>"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
    }

    #[test]
    fn tables_render_without_inline_styles() {
        // Alignment comes as a style attribute, which the CSP would refuse anyway: dropped.
        let html = render_plain("| a | b |\n|---|--:|\n| 1 | 2 |\n");
        assert!(html.contains("<table><thead><tr><th>a</th>"), "{html}");
        assert!(html.contains("<td>2</td>"), "{html}");
        assert!(!html.contains("style"), "{html}");
    }

    #[test]
    fn raw_html_and_scripts_are_shown_as_text_not_run() {
        let html = render_plain(
            "Halo <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<iframe src=\"https://x\"></iframe>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;iframe"), "{html}");
    }

    #[test]
    fn links_are_safe_and_only_web_or_mail() {
        let html = render_plain(
            "[video](https://example.org/v) [x](javascript:alert(1)) [m](mailto:a@b.id)",
        );
        assert!(
            html.contains(
                "<a href=\"https://example.org/v\" rel=\"noopener noreferrer nofollow\">video</a>"
            ),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"mailto:a@b.id\""), "{html}");
    }

    #[test]
    fn images_load_lazily_and_keep_their_alternative_text() {
        let html = render_plain("![Peta Palu](https://example.org/peta.png)");
        assert!(html.contains("alt=\"Peta Palu\""), "{html}");
        assert!(html.contains("loading=\"lazy\""), "{html}");
    }

    fn course_files() -> Files {
        let mut by_id = HashMap::new();
        let image = |width, height, small| FileRef {
            kind: FileKind::Image,
            bytes: 90_000,
            width,
            height,
            small,
        };
        by_id.insert(4, image(1280, 960, true));
        by_id.insert(5, image(300, 200, false));
        by_id.insert(
            6,
            FileRef {
                kind: FileKind::Pdf,
                bytes: 1_258_291,
                width: 0,
                height: 0,
                small: false,
            },
        );
        Files {
            program_id: 7,
            by_id,
        }
    }

    #[test]
    fn a_course_image_comes_in_two_widths_with_its_size_and_text() {
        let html = render("![Alur *layanan* \"terpadu\"](berkas:4)", &course_files());
        assert!(html.contains("src=\"/belajar/7/berkas/4.jpg\""), "{html}");
        assert!(
            html.contains(
                "srcset=\"/belajar/7/berkas/4-640.jpg 640w, /belajar/7/berkas/4.jpg 1280w\""
            ),
            "{html}"
        );
        assert!(html.contains("width=\"1280\" height=\"960\""), "{html}");
        assert!(
            html.contains("alt=\"Alur layanan &quot;terpadu&quot;\""),
            "{html}"
        );
        assert!(html.contains("loading=\"lazy\""), "{html}");
        let small = render("![Logo](berkas:5)", &course_files());
        assert!(!small.contains("srcset"), "{small}");
        assert!(small.contains("src=\"/belajar/7/berkas/5.jpg\""), "{small}");
    }

    #[test]
    fn a_pdf_link_says_its_type_and_size_and_a_video_link_that_it_needs_the_internet() {
        let html = render(
            "[Panduan](berkas:6) dan [tonton](https://www.youtube.com/watch?v=x) atau [ini](https://youtu.be/x)",
            &course_files(),
        );
        assert!(
            html.contains("<a href=\"/belajar/7/berkas/6.pdf\" rel=\"noopener noreferrer nofollow\">Panduan</a> (PDF, 1,2 MB)"),
            "{html}"
        );
        assert!(
            html.contains("tonton</a> (video YouTube, perlu internet)"),
            "{html}"
        );
        assert!(
            html.contains("ini</a> (video YouTube, perlu internet)"),
            "{html}"
        );
        assert!(!html.contains("<iframe"), "{html}");
    }

    #[test]
    fn only_the_courses_own_files_may_be_named() {
        let files = course_files();
        assert_eq!(check_files("![a](berkas:4) [b](berkas:6)", &files), Ok(()));
        for bad in [
            "![a](berkas:99)",
            "![a](berkas:6)",
            "[a](berkas:x)",
            "![a](berkas:-4)",
        ] {
            assert_eq!(
                check_files(bad, &files),
                Err(LearningError::FileUnknown),
                "{bad}"
            );
        }
        // A file of another course renders as its text alone, never as another's picture.
        let html = render("![Peta](berkas:99)", &files);
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("Peta"), "{html}");
    }
}
