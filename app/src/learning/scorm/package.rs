//! Opening an uploaded SCORM 1.2 zip (ssr only, pure: bytes in, files out): every entry's
//! path checked before anything is read, the sizes bounded while reading (a zip's own
//! headers may lie), the manifest read and its launch page found among the files. Nothing
//! is stored here: a package that fails any check leaves no trace.

use std::io::{Cursor, Read};

use super::{
    manifest::{self, Manifest},
    rules::{
        MANIFEST, MAX_FILES, MAX_PACKAGE_BYTES, MAX_UNPACKED_BYTES, ScormError, entry_path,
        launch_file,
    },
};

/// A package that passed every check.
#[derive(Debug)]
pub struct Unpacked {
    pub manifest: Manifest,
    /// Each file's path inside the package and its bytes, in the zip's order.
    pub files: Vec<(String, Vec<u8>)>,
    pub bytes: u64,
}

pub fn unpack(zip_bytes: &[u8]) -> Result<Unpacked, ScormError> {
    if zip_bytes.is_empty() {
        return Err(ScormError::FileMissing);
    }
    if zip_bytes.len() > MAX_PACKAGE_BYTES {
        return Err(ScormError::TooLarge);
    }
    let mut archive =
        zip::ZipArchive::new(Cursor::new(zip_bytes)).map_err(|_| ScormError::NotZip)?;
    if archive.len() > MAX_FILES {
        return Err(ScormError::TooManyFiles);
    }
    // Every name first: one unsafe path refuses the package before any byte is unpacked.
    let mut paths = Vec::with_capacity(archive.len());
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| ScormError::NotZip)?;
        let name = entry.name().map_err(|_| ScormError::NotZip)?;
        paths.push(entry_path(&name)?);
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_UNPACKED_BYTES {
        return Err(ScormError::UnpackedTooLarge);
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total: u64 = 0;
    for (i, path) in paths.into_iter().enumerate() {
        let Some(path) = path else { continue };
        if files.iter().any(|(p, _)| *p == path) {
            continue;
        }
        let entry = archive.by_index(i).map_err(|_| ScormError::NotZip)?;
        let room = MAX_UNPACKED_BYTES - total;
        let mut bytes = Vec::new();
        entry
            .take(room + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| ScormError::NotZip)?;
        total += bytes.len() as u64;
        if total > MAX_UNPACKED_BYTES {
            return Err(ScormError::UnpackedTooLarge);
        }
        files.push((path, bytes));
    }
    let manifest_bytes = files
        .iter()
        .find(|(p, _)| p == MANIFEST)
        .map(|(_, b)| b)
        .ok_or(ScormError::NoManifest)?;
    let text = std::str::from_utf8(manifest_bytes).map_err(|_| ScormError::ManifestInvalid)?;
    let manifest = manifest::parse(text.trim_start_matches('\u{feff}'))?;
    let launch = entry_path(launch_file(&manifest.launch)).map_err(|_| ScormError::NoLaunch)?;
    if !launch.is_some_and(|l| files.iter().any(|(p, _)| *p == l)) {
        return Err(ScormError::NoLaunch);
    }
    Ok(Unpacked {
        manifest,
        files,
        bytes: total,
    })
}

/// Zips files as a package (the project's sample, and the tests' packages).
pub fn zip_files(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        writer
            .start_file(*name, options)
            .and_then(|()| writer.write_all(bytes).map_err(Into::into))
            .expect("writing to memory");
    }
    writer.finish().expect("writing to memory").into_inner()
}

/// The files of Bina's own sample package: a two-question check on public service in
/// Indonesian that reports its status, score and time as a SCORM 1.2 lesson does.
pub const SAMPLE_FILES: &[(&str, &[u8])] = &[
    (MANIFEST, include_bytes!("sample/imsmanifest.xml")),
    ("index.html", include_bytes!("sample/index.html")),
    ("sco.js", include_bytes!("sample/sco.js")),
    ("sco.css", include_bytes!("sample/sco.css")),
];

/// Bina's sample SCORM 1.2 package as a zip.
pub fn sample() -> Vec<u8> {
    zip_files(SAMPLE_FILES)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST_XML: &[u8] = br#"<manifest identifier="m" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
      <organizations default="o"><organization identifier="o"><title>Uji</title>
      <item identifier="i" identifierref="r"/></organization></organizations>
      <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a/index.html"/></resources>
      </manifest>"#;

    #[test]
    fn the_sample_package_unpacks_with_its_launch_page() {
        let package = unpack(&sample()).expect("the sample is a SCORM 1.2 package");
        assert_eq!(package.manifest.launch, "index.html");
        assert_eq!(package.files.len(), SAMPLE_FILES.len());
        assert!(package.manifest.title.contains("Pelayanan"));
    }

    #[test]
    fn a_package_with_folders_keeps_its_paths() {
        let zip = zip_files(&[
            (MANIFEST, MANIFEST_XML),
            ("a/", b""),
            ("./a/index.html", b"<html></html>"),
        ]);
        let package = unpack(&zip).expect("a package");
        let paths: Vec<&str> = package.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, [MANIFEST, "a/index.html"]);
        assert_eq!(package.manifest.title, "Uji");
    }

    #[test]
    fn bad_packages_are_refused_with_their_reason() {
        assert_eq!(unpack(b"").err(), Some(ScormError::FileMissing));
        assert_eq!(unpack(b"PK not really").err(), Some(ScormError::NotZip));
        let escaping = zip_files(&[
            (MANIFEST, MANIFEST_XML),
            ("a/index.html", b"x"),
            ("../../etc/cron.d/x", b"x"),
        ]);
        assert_eq!(unpack(&escaping).err(), Some(ScormError::UnsafePath));
        let absolute = zip_files(&[(MANIFEST, MANIFEST_XML), ("/a/index.html", b"x")]);
        assert_eq!(unpack(&absolute).err(), Some(ScormError::UnsafePath));
        let no_manifest = zip_files(&[("a/index.html", b"x")]);
        assert_eq!(unpack(&no_manifest).err(), Some(ScormError::NoManifest));
        let no_launch = zip_files(&[(MANIFEST, MANIFEST_XML), ("b/index.html", b"x")]);
        assert_eq!(unpack(&no_launch).err(), Some(ScormError::NoLaunch));
        let scorm_2004 = zip_files(&[(
            MANIFEST,
            br#"<manifest xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"/>"#,
        )]);
        assert_eq!(unpack(&scorm_2004).err(), Some(ScormError::Scorm2004));
    }

    #[test]
    fn a_package_that_unpacks_past_the_limit_is_refused() {
        // Zeros deflate to almost nothing: a small zip that would fill the memory.
        let huge = vec![0u8; MAX_UNPACKED_BYTES as usize + 1];
        let bomb = zip_files(&[(MANIFEST, MANIFEST_XML), ("a/index.html", &huge)]);
        assert!(bomb.len() < MAX_PACKAGE_BYTES);
        assert_eq!(unpack(&bomb).err(), Some(ScormError::UnpackedTooLarge));
    }
}
