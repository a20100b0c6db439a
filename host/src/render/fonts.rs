//! The font files documents are drawn with, shared by PDF and PNG output.
//!
//! Fonts are never taken from whatever the machine has: the host reads
//! Noto Sans (Latin) and Noto Sans CJK from Debian's fonts-noto-core and
//! fonts-noto-cjk (installed by `make setup`), so a document looks the same
//! on every host. `FOLIO_FONT_DIR` replaces the two Debian directories with
//! one directory holding the same file names.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Directory, file name and the Debian package that provides it.
const FONT_FILES: [(&str, &str, &str); 4] = [
    ("/usr/share/fonts/truetype/noto", "NotoSans-Regular.ttf", "fonts-noto-core"),
    ("/usr/share/fonts/truetype/noto", "NotoSans-Bold.ttf", "fonts-noto-core"),
    ("/usr/share/fonts/opentype/noto", "NotoSansCJK-Regular.ttc", "fonts-noto-cjk"),
    ("/usr/share/fonts/opentype/noto", "NotoSansCJK-Bold.ttc", "fonts-noto-cjk"),
];

/// The faces of the CJK collections documents are drawn with; the
/// collections' other faces (Japanese, Korean, Hong Kong, monospaced) are
/// left out.
const CJK_FAMILIES: [&str; 2] = ["Noto Sans CJK SC", "Noto Sans CJK TC"];

/// The font files documents are drawn with.
pub type FontFiles = Vec<FontFile>;

/// One font file, mapped read-only into memory, and the faces in it that
/// documents use.
///
/// Mapped, not read: the font libraries take the bytes by reference, so
/// what stays resident is only the pages text is actually laid out and
/// embedded from (a document's glyphs, the metrics and mapping tables),
/// the pages are the kernel's page cache and every process forked from
/// this one shares them. Reading the files instead kept each face's bytes
/// on the heap three times over (the files, the font cache's copy and the
/// parsed face's copy), 250 MB of the zygote's heap that every worker
/// shared. The files must not be truncated while Folio runs; a package
/// upgrade writes a new file and leaves the mapped one intact.
pub struct FontFile {
    /// Where the file is, as the font libraries are given it.
    pub path: String,
    pub bytes: Arc<mmapio::Mmap>,
    /// The indices of the faces documents use: `[0]` for a single font,
    /// the faces in [`CJK_FAMILIES`] for a collection.
    pub faces: Vec<u32>,
}

/// The tables that say what a face is: its names, style, metrics header
/// and character map. The font cache learns a face from these alone.
const DESCRIPTION_TABLES: [[u8; 4]; 5] = [*b"OS/2", *b"cmap", *b"head", *b"name", *b"post"];

impl FontFile {
    /// The face at `index` described as a small font file of its own: the
    /// table directory and the [`DESCRIPTION_TABLES`], each at a 4-byte
    /// boundary with the checksum the file gives it. Enough for the font
    /// cache to learn the face's family, style and coverage without
    /// copying (or reading) its outlines.
    pub fn description(&self, index: u32) -> Result<Vec<u8>, String> {
        let font = skrifa::FontRef::from_index(&self.bytes, index).map_err(|e| format!("face {index} of {}: {e}", self.path))?;
        let records: Vec<_> = font
            .table_directory()
            .table_records()
            .iter()
            .filter(|record| DESCRIPTION_TABLES.contains(&record.tag().to_be_bytes()))
            .collect();
        let count = u16::try_from(records.len()).unwrap_or(u16::MAX);
        let selector = 15 - count.max(1).leading_zeros() as u16;
        let search_range = (1u16 << selector).saturating_mul(16);
        let mut out = Vec::new();
        out.extend_from_slice(&font.table_directory().sfnt_version().to_be_bytes());
        for field in [count, search_range, selector, count.saturating_mul(16).saturating_sub(search_range)] {
            out.extend_from_slice(&field.to_be_bytes());
        }
        let mut offset = 12 + 16 * records.len();
        let mut tables = Vec::with_capacity(records.len());
        for record in records {
            let tag = record.tag();
            let data = font.table_data(tag).ok_or_else(|| format!("face {index} of {}: table {tag} lies outside the file", self.path))?;
            let too_large = || format!("face {index} of {}: table {tag} is too large", self.path);
            let length = u32::try_from(data.len()).map_err(|_| too_large())?;
            let at = u32::try_from(offset).map_err(|_| too_large())?;
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
}

/// Maps every font file and finds the faces documents use in it. A missing
/// file is an error naming it, the package that provides it and what
/// `purpose` needs it.
pub fn read(purpose: &str) -> Result<FontFiles, String> {
    let override_dir = std::env::var_os("FOLIO_FONT_DIR").map(PathBuf::from);
    let mut fonts = Vec::new();
    for (dir, file, package) in FONT_FILES {
        let path = override_dir.clone().unwrap_or_else(|| PathBuf::from(dir)).join(file);
        let font = map(&path).map_err(|e| {
            format!("{purpose} needs the font {} ({e}); install Debian's {package} (make setup) or set FOLIO_FONT_DIR", path.display())
        })?;
        fonts.push(font);
    }
    Ok(fonts)
}

/// `path` mapped, with the faces documents use.
fn map(path: &Path) -> Result<FontFile, String> {
    let name = path.to_str().ok_or("the path is not UTF-8; set FOLIO_FONT_DIR to a directory whose path is")?.to_string();
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    // SAFETY: the mapping is read-only and private; Folio never writes
    // font files, and the contract above is that nothing truncates them.
    let bytes = unsafe { mmapio::MmapOptions::new().map(&file) }.map_err(|e| format!("cannot map it into memory: {e}"))?;
    let faces = faces(&bytes).map_err(|e| format!("cannot read it: {e}"))?;
    Ok(FontFile { path: name, bytes: Arc::new(bytes), faces })
}

/// The faces documents use: a single font's one face, or a collection's
/// faces in [`CJK_FAMILIES`].
fn faces(bytes: &[u8]) -> Result<Vec<u32>, String> {
    use skrifa::MetadataProvider;
    use skrifa::raw::FileRef;
    use skrifa::string::StringId;
    let collection = match FileRef::new(bytes).map_err(|e| e.to_string())? {
        FileRef::Font(_) => return Ok(vec![0]),
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
            faces.push(index);
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

/// The CSS font stack for a document in `lang`: Noto Sans for Latin text,
/// then the CJK face matching the language for everything else.
pub fn font_stack(lang: super::Lang) -> &'static str {
    match lang {
        super::Lang::ZhTw => "'Noto Sans', 'Noto Sans CJK TC', 'Noto Sans CJK SC'",
        _ => "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK TC'",
    }
}
