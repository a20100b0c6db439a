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

/// Font files as `(file name, bytes)`.
pub type FontFiles = Vec<(String, Vec<u8>)>;

/// Reads every font file, as `(file name, bytes)`. A missing file is an
/// error naming it, the package that provides it and what `purpose` needs it.
pub fn read(purpose: &str) -> Result<FontFiles, String> {
    let override_dir = std::env::var_os("FOLIO_FONT_DIR").map(PathBuf::from);
    FONT_FILES
        .iter()
        .map(|(dir, file, package)| {
            let path = override_dir.clone().unwrap_or_else(|| PathBuf::from(dir)).join(file);
            let bytes = std::fs::read(&path).map_err(|e| {
                format!("{purpose} needs the font {} ({e}); install Debian's {package} (make setup) or set FOLIO_FONT_DIR", path.display())
            })?;
            Ok((file.to_string(), bytes))
        })
        .collect()
}

/// The CSS font stack for a document in `lang`: Noto Sans for Latin text,
/// then the CJK face matching the language for everything else.
pub fn font_stack(lang: super::Lang) -> &'static str {
    match lang {
        super::Lang::ZhTw => "'Noto Sans', 'Noto Sans CJK TC', 'Noto Sans CJK SC'",
        _ => "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK TC'",
    }
}
