//! A table longer than a page whose cells have padding, as invoices'
//! tables do. azul-layout clips each cell's text to a rect that starts at
//! the cell's content box but has the cell's border-box height, so the
//! text's rect reaches into the next row by the cell's vertical padding.
//! Page breaks snap up out of line boxes and table rows, and with each row
//! overlapping the next the snap cascades up row by row, as far as the
//! push budget (a third of the page) allows. Writes the PDF to the path
//! given and prints, per page, the rows on it.
//!
//! Published azul-layout 0.0.16: each page ends about ten rows early (a
//! third of the page). With the fix every page but the last is full.

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
    // Per page: its height and the top and bottom of each row's text
    // (`pdftotext -bbox`), in points.
    let mut per_page = Vec::new();
    for page in 1..=doc.pages.len() {
        let p = page.to_string();
        let xml = match Command::new("pdftotext").args(["-bbox", "-f", &p, "-l", &p, &out, "-"]).output() {
            Ok(run) if run.status.success() => String::from_utf8_lossy(&run.stdout).into_owned(),
            _ => {
                eprintln!("pdftotext (poppler-utils) is needed to read the PDF back");
                return ExitCode::FAILURE;
            }
        };
        let attr = |line: &str, name: &str| -> f32 {
            line.split(&format!("{name}=\"")).nth(1).and_then(|v| v.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        };
        let height = xml.lines().find(|l| l.contains("<page ")).map_or(0.0, |l| attr(l, "height"));
        let rows: Vec<(f32, f32)> = xml.lines().filter(|l| l.contains(">Row ")).map(|l| (attr(l, "yMin"), attr(l, "yMax"))).collect();
        per_page.push((height, rows));
    }
    // The row pitch and the top margin, from page 1; the bottom margin is
    // taken to equal the top one.
    let Some((_, first)) = per_page.first() else {
        eprintln!("no pages");
        return ExitCode::FAILURE;
    };
    if first.len() < 2 {
        eprintln!("page 1 has fewer than two rows");
        return ExitCode::FAILURE;
    }
    let pitch = first[1].0 - first[0].0;
    let top = first[0].0;
    let mut ok = true;
    for (i, (height, rows)) in per_page.iter().enumerate() {
        let last = i + 1 == per_page.len();
        let bottom = rows.last().map_or(top, |r| r.1);
        // Whole rows that would still fit between the last row and the bottom margin.
        let room = (((height - top) - bottom) / pitch).floor().max(0.0) as usize;
        let short = !last && room >= 1;
        ok &= !short;
        println!("page {}: {} rows{}", i + 1, rows.len(), if short { format!(", room left for {room} more") } else { String::new() });
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
