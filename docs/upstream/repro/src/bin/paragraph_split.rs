//! A ten-line paragraph after 0 to a page of one-line paragraphs, one document
//! each, so that the page ends at every line of it in turn. Page breaks
//! keep lines whole and honour `orphans`/`widows` (2 by default) from line
//! boxes, which azul-layout 0.0.16 takes from each text run's clip rect;
//! every line of a block is clipped to the block's content box, so the
//! whole paragraph is one "line" and moves to the next page whenever it
//! does not fit, however much room is left. Prints, for each document
//! whose page 1 ends early, how many of the paragraph's lines each page
//! holds and how many more lines page 1 had room for. Writes the last PDF
//! to the path given.
//!
//! Published azul-layout 0.0.16: page 1 ends up to nine lines early
//! (the paragraph moves whole). With the fix it ends at most one line
//! early (`widows: 2` takes a line over when only one would be left).

use std::collections::BTreeMap;
use std::process::{Command, ExitCode};

use printpdf::{GeneratePdfOptions, PdfDocument, PdfSaveOptions};

/// The text of each page of `html` laid out as a PDF at `out`.
fn pages(html: &str, out: &str) -> Result<Vec<String>, String> {
    let mut warnings = Vec::new();
    let doc = PdfDocument::from_html(html, &BTreeMap::new(), &BTreeMap::new(), &GeneratePdfOptions::default(), &mut warnings)?;
    std::fs::write(out, doc.save(&PdfSaveOptions::default(), &mut warnings)).map_err(|e| format!("{out}: {e}"))?;
    let run = Command::new("pdftotext")
        .args([out, "-"])
        .output()
        .map_err(|_| "pdftotext (poppler-utils) is needed to read the PDF back".to_string())?;
    let text = String::from_utf8_lossy(&run.stdout).into_owned();
    Ok(text.split('\u{c}').map(str::to_string).filter(|page| !page.trim().is_empty()).collect())
}

fn count(page: &str, prefix: &str) -> usize {
    page.lines().filter(|line| line.starts_with(prefix)).count()
}

fn main() -> ExitCode {
    let out = std::env::args().nth(1).unwrap_or_else(|| "paragraph-split.pdf".into());
    let filler = |n: usize| (1..=n).map(|i| format!("<p style=\"margin:0\">filler {i}</p>")).collect::<String>();
    let paragraph = (1..=10).map(|i| format!("line {i}")).collect::<Vec<_>>().join("<br>");
    let body = |html: String| format!("<html><body style=\"font-size:12pt;line-height:16pt\">{html}</body></html>");
    // Lines a page holds: page 1 of a document of filler lines only.
    let capacity = match pages(&body(filler(200)), &out) {
        Ok(pages) => pages.first().map_or(0, |page| count(page, "filler")),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    println!("a page holds {capacity} lines");
    let mut early = 0;
    for n in 0..=capacity {
        let pages = match pages(&body(format!("{}<p style=\"margin:0\">{paragraph}</p>", filler(n))), &out) {
            Ok(pages) => pages,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let Some(first) = pages.first() else {
            eprintln!("{n} filler lines: no pages");
            return ExitCode::FAILURE;
        };
        let room = capacity.saturating_sub(count(first, "filler") + count(first, "line "));
        if pages.len() > 1 && room > 1 {
            early += 1;
            let split: Vec<usize> = pages.iter().map(|page| count(page, "line ")).collect();
            println!("{n} filler lines: paragraph lines per page {split:?}, page 1 had room for {room} more");
        }
    }
    println!("{early} documents whose page 1 ends more than one line early");
    if early == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
