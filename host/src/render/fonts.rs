//! The font files documents are drawn with, shared by PDF and PNG output.
//!
//! Fonts are never taken from whatever the machine has: the host reads
//! Noto Sans (Latin) and Noto Sans CJK from Debian's fonts-noto-core and
//! fonts-noto-cjk (installed by `make setup`), so a document looks the same
//! on every host. `FOLIO_FONT_DIR` replaces the two Debian directories with
//! one directory holding the same file names.

use std::path::PathBuf;

/// Directory, file name and the Debian package that provides it.
const FONT_FILES: [(&str, &str, &str); 4] = [
    ("/usr/share/fonts/truetype/noto", "NotoSans-Regular.ttf", "fonts-noto-core"),
    ("/usr/share/fonts/truetype/noto", "NotoSans-Bold.ttf", "fonts-noto-core"),
    ("/usr/share/fonts/opentype/noto", "NotoSansCJK-Regular.ttc", "fonts-noto-cjk"),
    ("/usr/share/fonts/opentype/noto", "NotoSansCJK-Bold.ttc", "fonts-noto-cjk"),
];

/// Fonts as `(name, bytes)`: one face each.
pub type FontFiles = Vec<(String, Vec<u8>)>;

/// The faces of the CJK collections documents are drawn with; the
/// collections' other faces (Japanese, Korean, Hong Kong, monospaced) are
/// left out.
const CJK_FAMILIES: [&str; 2] = ["Noto Sans CJK SC", "Noto Sans CJK TC"];

/// Reads every font file, as `(name, bytes)` with one face each: a font
/// collection (`.ttc`) becomes one standalone font per face in
/// [`CJK_FAMILIES`]. The font libraries keep a copy of a file's bytes per
/// face they register, so the whole Noto CJK collections (ten faces of
/// 19 MB each, twice) cost 400 MB where the four faces used cost 66 MB. A
/// missing file is an error naming it, the package that provides it and
/// what `purpose` needs it.
pub fn read(purpose: &str) -> Result<FontFiles, String> {
    let override_dir = std::env::var_os("FOLIO_FONT_DIR").map(PathBuf::from);
    let mut fonts = Vec::new();
    for (dir, file, package) in FONT_FILES {
        let path = override_dir.clone().unwrap_or_else(|| PathBuf::from(dir)).join(file);
        let bytes = std::fs::read(&path).map_err(|e| {
            format!("{purpose} needs the font {} ({e}); install Debian's {package} (make setup) or set FOLIO_FONT_DIR", path.display())
        })?;
        fonts.extend(faces(file, bytes).map_err(|e| format!("{purpose} cannot read the font {}: {e}", path.display()))?);
    }
    Ok(fonts)
}

/// A single font as it is; a collection as its faces in [`CJK_FAMILIES`],
/// each a standalone font named `<file>#<family>`.
fn faces(file: &str, bytes: Vec<u8>) -> Result<FontFiles, String> {
    use skrifa::MetadataProvider;
    use skrifa::raw::FileRef;
    use skrifa::string::StringId;
    let collection = match FileRef::new(&bytes).map_err(|e| e.to_string())? {
        FileRef::Font(_) => return Ok(vec![(file.to_string(), bytes)]),
        FileRef::Collection(collection) => collection,
    };
    let mut faces = Vec::new();
    for index in 0..collection.len() {
        let font = collection.get(index).map_err(|e| format!("face {index}: {e}"))?;
        let family = [StringId::TYPOGRAPHIC_FAMILY_NAME, StringId::FAMILY_NAME]
            .into_iter()
            .find_map(|id| font.localized_strings(id).english_or_first())
            .map(|name| name.to_string())
            .unwrap_or_default();
        if CJK_FAMILIES.contains(&family.as_str()) {
            faces.push((format!("{file}#{family}"), standalone(&font)?));
        }
    }
    if faces.len() != CJK_FAMILIES.len() {
        return Err(format!(
            "the collection has {} of the faces {} (a different version of the font?)",
            faces.len(),
            CJK_FAMILIES.join(", ")
        ));
    }
    Ok(faces)
}

/// One face of a collection written out as a font file of its own: its
/// table directory and the tables it names (shared ones copied), each at a
/// 4-byte boundary, checksums as the collection has them.
fn standalone(font: &skrifa::FontRef<'_>) -> Result<Vec<u8>, String> {
    let directory = font.table_directory();
    let records = directory.table_records();
    let count = u16::try_from(records.len()).map_err(|_| "too many tables".to_string())?;
    let selector = 15 - count.max(1).leading_zeros() as u16;
    let search_range = (1u16 << selector).saturating_mul(16);
    let mut out = Vec::new();
    out.extend_from_slice(&directory.sfnt_version().to_be_bytes());
    for field in [count, search_range, selector, count.saturating_mul(16).saturating_sub(search_range)] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    let mut offset = 12 + 16 * records.len();
    let mut tables = Vec::with_capacity(records.len());
    for record in records {
        let tag = record.tag();
        let data = font.table_data(tag).ok_or_else(|| format!("table {tag} lies outside the file"))?;
        let length = u32::try_from(data.len()).map_err(|_| format!("table {tag} is too large"))?;
        let at = u32::try_from(offset).map_err(|_| "the face is too large".to_string())?;
        out.extend_from_slice(&tag.to_be_bytes());
        out.extend_from_slice(&record.checksum().to_be_bytes());
        out.extend_from_slice(&at.to_be_bytes());
        out.extend_from_slice(&length.to_be_bytes());
        offset += data.len().next_multiple_of(4);
        tables.push(data.as_bytes());
    }
    for table in tables {
        out.extend_from_slice(table);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    Ok(out)
}

/// The CSS font stack for a document in `lang`: Noto Sans for Latin text,
/// then the CJK face matching the language for everything else.
pub fn font_stack(lang: super::Lang) -> &'static str {
    match lang {
        super::Lang::ZhTw => "'Noto Sans', 'Noto Sans CJK TC', 'Noto Sans CJK SC'",
        _ => "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK TC'",
    }
}
