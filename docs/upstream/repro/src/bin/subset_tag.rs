//! A paragraph laid out from HTML and saved: printpdf embeds a subset of the
//! font it used and names it `<tag>+<font>`. ISO 32000-1 §9.6.4 wants the
//! tag to be six upper-case letters; readers (`pdffonts`' `sub` column) and
//! PDF/A validators recognise a subset by it.
//!
//! Published printpdf 0.12.8: the tag is the font id's first six characters
//! (`F16389+…`), which is not a tag, so the subset is reported as a full font.
//! With the fix: six upper-case letters derived from the subset's bytes.

use std::collections::BTreeMap;
use std::process::{Command, ExitCode};

use printpdf::{GeneratePdfOptions, PdfDocument, PdfSaveOptions};

fn main() -> ExitCode {
    let out = std::env::args().nth(1).unwrap_or_else(|| "subset-tag.pdf".into());
    let html = "<html><body><p>Invoice INV-2026-0042: 1,234.56 due on 22 November 2026.</p></body></html>";
    let mut warnings = Vec::new();
    let doc = match PdfDocument::from_html(html, &BTreeMap::new(), &BTreeMap::new(), &GeneratePdfOptions::default(), &mut warnings) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("layout failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, doc.save(&PdfSaveOptions::default(), &mut warnings)) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    let fonts = match Command::new("pdffonts").arg(&out).output() {
        Ok(run) if run.status.success() => String::from_utf8_lossy(&run.stdout).into_owned(),
        _ => {
            eprintln!("pdffonts (poppler-utils) is needed to read the PDF back");
            return ExitCode::FAILURE;
        }
    };
    let mut ok = true;
    for line in fonts.lines().skip(2) {
        let name = line.split_whitespace().next().unwrap_or_default();
        let sub = line.split_whitespace().rev().nth(3).unwrap_or_default();
        let tag = name.split_once('+').map(|(tag, _)| tag);
        let verdict = match tag {
            Some(t) if t.len() == 6 && t.bytes().all(|b| b.is_ascii_uppercase()) && sub == "yes" => "a subset, tagged as one",
            Some(_) => "a subset whose tag is not six upper-case letters: read as a full font",
            None => "not tagged",
        };
        ok &= verdict.starts_with("a subset, tagged");
        println!("{name}: {verdict} (pdffonts sub: {sub})");
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
