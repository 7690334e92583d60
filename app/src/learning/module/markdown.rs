//! A module's Markdown made into the HTML learners read (ssr only): rendered with
//! pulldown-cmark, then cleaned by ammonia down to a small, safe set of elements. It runs
//! once, when a revision is saved; the stored HTML is what every page serves.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

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

/// Renders a module's Markdown into sanitised HTML.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
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
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut unsafe_html, events);
    ammonia::Builder::default()
        .tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .tag_attributes(
            [
                ("a", ["href", "title"].into_iter().collect::<HashSet<_>>()),
                ("img", ["src", "alt", "title"].into_iter().collect()),
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

    #[test]
    fn markdown_becomes_structure_one_heading_level_down() {
        let html = render("# Pelayanan\n\nTeks **penting** dan *miring*.\n\n- satu\n- dua\n");
        assert!(html.contains("<h2>Pelayanan</h2>"), "{html}");
        assert!(html.contains("<strong>penting</strong>"), "{html}");
        assert!(html.contains("<em>miring</em>"), "{html}");
        assert!(html.contains("<ul>\n<li>satu</li>"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
    }

    #[test]
    fn tables_render_without_inline_styles() {
        // Alignment comes as a style attribute, which the CSP would refuse anyway: dropped.
        let html = render("| a | b |\n|---|--:|\n| 1 | 2 |\n");
        assert!(html.contains("<table><thead><tr><th>a</th>"), "{html}");
        assert!(html.contains("<td>2</td>"), "{html}");
        assert!(!html.contains("style"), "{html}");
    }

    #[test]
    fn raw_html_and_scripts_are_shown_as_text_not_run() {
        let html = render(
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
        let html =
            render("[video](https://example.org/v) [x](javascript:alert(1)) [m](mailto:a@b.id)");
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
        let html = render("![Peta Palu](https://example.org/peta.png)");
        assert!(html.contains("alt=\"Peta Palu\""), "{html}");
        assert!(html.contains("loading=\"lazy\""), "{html}");
    }
}
