//! A table longer than a page, with a header row: azul-layout repeats the
//! `<thead>` on every page the table continues on. Writes the PDF to the
//! path given and lets `pdftotext` say whether every page shows the header
//! row on a line of its own above the table's rows.
//!
//! Published printpdf 0.12.8: the header's text is missing from page 2 on.
//! With the printpdf fix only: it is drawn, but the page's first row is drawn
//! over it (azul-layout moves the row's `Text` runs, not its `TextLayout`).
//! With both fixes: every page starts with the header row.

use std::collections::BTreeMap;
use std::process::{Command, ExitCode};

use printpdf::{GeneratePdfOptions, PdfDocument, PdfSaveOptions};

fn main() -> ExitCode {
    let out = std::env::args().nth(1).unwrap_or_else(|| "repeated-thead.pdf".into());
    let rows: String = (1..=80).map(|i| format!("<tr><td>Row {i:02}</td><td>{}.00</td></tr>", i * 10)).collect();
    let html = format!(
        "<html><body><table><thead><tr><th>Description</th><th>Amount</th></tr></thead>\
         <tbody>{rows}</tbody></table></body></html>"
    );
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
    let mut ok = true;
    for page in 1..=doc.pages.len() {
        let p = page.to_string();
        let text = match Command::new("pdftotext").args(["-layout", "-f", &p, "-l", &p, &out, "-"]).output() {
            Ok(run) if run.status.success() => String::from_utf8_lossy(&run.stdout).into_owned(),
            _ => {
                eprintln!("pdftotext (poppler-utils) is needed to read the PDF back");
                return ExitCode::FAILURE;
            }
        };
        let lines: Vec<&str> = text.lines().collect();
        let header = lines.iter().position(|l| l.split_whitespace().collect::<Vec<_>>() == ["Description", "Amount"]);
        let first_row = lines.iter().position(|l| l.contains("Row "));
        let verdict = match (header, first_row) {
            (Some(h), Some(r)) if h < r => "header row above the rows",
            (_, None) => "no rows",
            (None, Some(_)) => {
                ok = false;
                // Its words are there, but not as a line of their own.
                if text.contains("Description") {
                    "header drawn over the first row"
                } else {
                    "header row missing"
                }
            }
            (Some(_), Some(_)) => {
                ok = false;
                "header row below a row"
            }
        };
        println!("page {page}: {verdict}");
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
