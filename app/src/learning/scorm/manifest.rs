//! Reading a package's `imsmanifest.xml` (ssr only, pure: text in, answer out): the
//! package's title and the page that launches it, or why it cannot be taken. SCORM 2004 is
//! recognised and refused with its own error, so that the person knows to export the
//! lesson again as SCORM 1.2 instead of guessing what is wrong with the file.

use roxmltree::{Document, Node};

use super::rules::ScormError;

/// What Bina takes of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The default organisation's title (else the manifest's first title), one line.
    pub title: String,
    /// The launch address inside the package: the first item's resource's `href` with the
    /// resources' `xml:base` before it and the item's `parameters` after it.
    pub launch: String,
}

const TITLE_MAX: usize = 120;

fn local(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

fn child<'a, 'input>(node: &Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|n| local(n, name))
}

fn text_of(node: Option<Node>) -> String {
    let text: String = node
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect()
        })
        .unwrap_or_default();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `xml:base` of a node, or nothing.
fn base(node: &Node) -> String {
    node.attribute(("http://www.w3.org/XML/1998/namespace", "base"))
        .unwrap_or_default()
        .to_owned()
}

/// SCORM 2004's manifests say so in their schema version (`2004 3rd Edition`, `CAM 1.3`)
/// or in the namespaces of ADL's 1.3 schemas.
fn is_scorm_2004(doc: &Document) -> bool {
    let version = text_of(doc.descendants().find(|n| local(n, "schemaversion")));
    if version.contains("2004") || version.contains("1.3") {
        return true;
    }
    doc.descendants().any(|n| {
        n.namespaces()
            .any(|ns| ns.uri().contains("adlcp_v1p3") || ns.uri().contains("adlseq"))
    })
}

pub fn parse(xml: &str) -> Result<Manifest, ScormError> {
    let doc = Document::parse(xml).map_err(|_| ScormError::ManifestInvalid)?;
    let root = doc.root_element();
    if !local(&root, "manifest") {
        return Err(ScormError::ManifestInvalid);
    }
    if is_scorm_2004(&doc) {
        return Err(ScormError::Scorm2004);
    }
    let organizations = child(&root, "organizations");
    let organization = organizations.and_then(|orgs| {
        let default = orgs.attribute("default");
        orgs.children()
            .filter(|n| local(n, "organization"))
            .find(|o| default.is_none() || o.attribute("identifier") == default)
            .or_else(|| orgs.children().find(|n| local(n, "organization")))
    });
    let resources = child(&root, "resources").ok_or(ScormError::NoLaunch)?;
    let resource_of = |id: &str| {
        resources
            .children()
            .find(|r| local(r, "resource") && r.attribute("identifier") == Some(id))
    };
    // The first item, in the organisation's order, that names a resource with a page.
    let from_item = organization.and_then(|o| {
        o.descendants()
            .filter(|n| local(n, "item"))
            .find_map(|item| {
                let resource = resource_of(item.attribute("identifierref")?)?;
                resource.attribute("href")?;
                Some((resource, item.attribute("parameters").unwrap_or_default()))
            })
    });
    // Without an organisation, the first SCO with a page.
    let (resource, parameters) = from_item
        .or_else(|| {
            resources
                .children()
                .filter(|r| local(r, "resource") && r.attribute("href").is_some())
                .find(|r| {
                    r.attributes().any(|a| {
                        a.name().eq_ignore_ascii_case("scormtype")
                            && a.value().eq_ignore_ascii_case("sco")
                    })
                })
                .map(|r| (r, ""))
        })
        .ok_or(ScormError::NoLaunch)?;
    let href = resource.attribute("href").unwrap_or_default().trim();
    let mut launch = format!("{}{}{href}", base(&resources), base(&resource));
    let parameters = parameters.trim();
    if !parameters.is_empty() {
        if !parameters.starts_with(['?', '#']) {
            launch.push(if launch.contains('?') { '&' } else { '?' });
        }
        launch.push_str(parameters);
    }
    if launch.is_empty() {
        return Err(ScormError::NoLaunch);
    }
    let mut title = text_of(organization.and_then(|o| child(&o, "title")));
    if title.is_empty() {
        title = text_of(doc.descendants().find(|n| local(n, "title")));
    }
    if title.is_empty() {
        title = "Paket SCORM".to_owned();
    }
    Ok(Manifest {
        title: title.chars().take(TITLE_MAX).collect(),
        launch,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A SCORM 1.2 manifest as ADL's content packaging examples write one.
    const SCORM_12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.golf" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="golf_org">
    <organization identifier="other_org"><title>Not this one</title>
      <item identifier="i0" identifierref="r_other"><title>Other</title></item>
    </organization>
    <organization identifier="golf_org">
      <title>  Golf
        Explained </title>
      <item identifier="chapter"><title>Chapter</title>
        <item identifier="i1" identifierref="r_playing" parameters="?lang=id"><title>Playing</title></item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r_other" type="webcontent" adlcp:scormtype="sco" href="other.html"/>
    <resource identifier="r_playing" type="webcontent" adlcp:scormtype="sco" xml:base="playing/" href="Playing.html">
      <file href="Playing.html"/>
    </resource>
  </resources>
</manifest>"#;

    #[test]
    fn a_scorm_1_2_manifest_gives_its_title_and_launch_page() {
        let manifest = parse(SCORM_12).expect("a SCORM 1.2 manifest");
        assert_eq!(manifest.title, "Golf Explained");
        assert_eq!(manifest.launch, "content/playing/Playing.html?lang=id");
    }

    #[test]
    fn without_organisations_the_first_sco_launches() {
        let xml = r#"<manifest identifier="m" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
          <organizations/>
          <resources>
            <resource identifier="a" type="webcontent" adlcp:scormtype="asset" href="logo.png"/>
            <resource identifier="b" type="webcontent" adlcp:scormType="sco" href="index.html"/>
          </resources></manifest>"#;
        let manifest = parse(xml).expect("a manifest");
        assert_eq!(manifest.launch, "index.html");
        assert_eq!(manifest.title, "Paket SCORM");
    }

    #[test]
    fn scorm_2004_is_refused_by_its_version_or_namespaces() {
        let by_version = SCORM_12.replace("<schemaversion>1.2", "<schemaversion>2004 4th Edition");
        assert_eq!(parse(&by_version), Err(ScormError::Scorm2004));
        let cam = SCORM_12.replace("<schemaversion>1.2", "<schemaversion>CAM 1.3");
        assert_eq!(parse(&cam), Err(ScormError::Scorm2004));
        let by_namespace = SCORM_12
            .replace("<schemaversion>1.2</schemaversion>", "")
            .replace("adlcp_rootv1p2", "adlcp_v1p3");
        assert_eq!(parse(&by_namespace), Err(ScormError::Scorm2004));
    }

    #[test]
    fn a_manifest_that_is_not_one_is_refused() {
        assert_eq!(parse("not xml <"), Err(ScormError::ManifestInvalid));
        assert_eq!(
            parse("<html><body/></html>"),
            Err(ScormError::ManifestInvalid)
        );
        let no_resources = r#"<manifest identifier="m"><organizations/></manifest>"#;
        assert_eq!(parse(no_resources), Err(ScormError::NoLaunch));
        let no_page = r#"<manifest identifier="m"><organizations default="o">
            <organization identifier="o"><item identifier="i" identifierref="r"/></organization>
            </organizations><resources><resource identifier="r" type="webcontent"/></resources>
            </manifest>"#;
        assert_eq!(parse(no_page), Err(ScormError::NoLaunch));
    }
}
