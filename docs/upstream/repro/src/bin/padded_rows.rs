//! A table longer than a page whose cells have padding, as invoices'
//! tables do. azul-layout clips each cell's text to a rect that starts at
//! the cell's content box but has the cell's border-box height, so the
//! text's rect reaches into the next row by the cell's vertical padding.
//! Page breaks snap up out of line boxes and table rows, and with each row
//! overlapping the next the snap cascades up row by row, as far as the
//! push budget (a third of the page) allows. Writes the PDF to the path
//! given and prints, per page, the rows on it.
//!
//! Published azul-layout 0.0.16: page 1 holds about two thirds of what fits.
//! With the fix every page but the last is full.

use std::collections::BTreeMap;
use std::process::{Command, ExitCode};

use printpdf::{GeneratePdfOptions, PdfDocument, PdfSaveOptions};

fn main() -> ExitCode {
    let out = std::env::args().nth(1).unwrap_or_else(|| "padded-rows.pdf".into());
    let cell = "padding:6px 8px;border-bottom:1px solid #dddddd;";
    let rows: String =
        (1..=80).map(|i| format!("<tr><td style=\"{cell}\">Row {i:02}</td><td style=\"{cell}\">{}.00</td></tr>", i * 10)).collect();
    let html = format!("<html><body><table style=\"width:100%;border-collapse:collapse\"><tbody>{rows}</tbody></table></body></html>");
    let mut warnings = Vec::new();
    let doc = match PdfDocument::from_html(&html, &BTreeMap::new(), &BTreeMap::new(), &GeneratePdfOptions::default(), &mut warnings) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("layout failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = doc.save(&PdfSaveOptions::default(), &mut warnings);
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    let mut per_page = Vec::new();
    for page in 1..=doc.pages.len() {
        let p = page.to_string();
        match Command::new("pdftotext").args(["-layout", "-f", &p, "-l", &p, &out, "-"]).output() {
            Ok(run) if run.status.success() => per_page.push(String::from_utf8_lossy(&run.stdout).matches("Row ").count()),
            _ => {
                eprintln!("pdftotext (poppler-utils) is needed to read the PDF back");
                return ExitCode::FAILURE;
            }
        }
    }
    let fullest = per_page.iter().copied().max().unwrap_or(0);
    let mut ok = true;
    for (i, rows) in per_page.iter().enumerate() {
        let last = i + 1 == per_page.len();
        // Every page but the last holds as many rows as the fullest one, give or take one.
        let short = !last && rows + 1 < fullest;
        ok &= !short;
        println!("page {}: {rows} rows{}", i + 1, if short { " (page cut short)" } else { "" });
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
