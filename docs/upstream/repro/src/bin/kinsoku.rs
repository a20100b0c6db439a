//! Line breaks by UAX #14. One paragraph per punctuation mark, each built
//! so the mark falls exactly where a break between any two ideographs
//! would: a closing mark eleventh in a box ten ideographs wide, an opening
//! mark tenth. Then a Malay sentence with reduplicated words
//! ("kanak-kanak") in boxes from 60 to 260 px wide.
//!
//! Published azul-layout 0.0.16 breaks around every CJK cluster and before
//! a hyphen, so lines start with "，", "）" or "-kanak" and end with "（".
//! With the fix (ICU4X's line segmenter) none does. Needs the Noto Sans CJK
//! fonts installed (Debian's fonts-noto-cjk) and pdftotext. Writes the PDF
//! to the path given and prints each line that breaks a rule.

use std::collections::BTreeMap;
use std::process::{Command, ExitCode};

use printpdf::{GeneratePdfOptions, PdfDocument, PdfSaveOptions};

const NO_START: &str = "，。、；：？！）】》」』〕〉”ー";
const NO_END: &str = "（【《「『〔〈“";

fn main() -> ExitCode {
    let out = std::env::args().nth(1).unwrap_or_else(|| "kinsoku.pdf".into());
    let ten = "一二三四五六七八九十";
    let cjk = "font-family: 'Noto Sans CJK SC'; width: 205px; font-size: 20px; line-height: 28px; margin: 0 0 8px 0";
    let mut body: String = NO_START.chars().map(|c| format!("<p style=\"{cjk}\">{ten}{c}一二三</p>")).collect();
    body.extend(NO_END.chars().map(|c| format!("<p style=\"{cjk}\">{}{c}一二三</p>", &ten[..27])));
    let malay = "Syarikat-syarikat kecil (PKS) dan kanak-kanak menerima 15% diskaun; sila semak butir-butir akaun anda.";
    body.extend((60..=260).step_by(10).map(|w| format!("<p style=\"font-family: sans-serif; width: {w}px; margin: 0 0 8px 0\">{malay}</p>")));
    let html = format!("<html><body>{body}</body></html>");

    let mut warnings = Vec::new();
    let doc = match PdfDocument::from_html(&html, &BTreeMap::new(), &BTreeMap::new(), &GeneratePdfOptions::default(), &mut warnings) {
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
    // `-layout` keeps a line that ends in a hyphen apart from the next.
    let text = match Command::new("pdftotext").args(["-layout", &out, "-"]).output() {
        Ok(run) if run.status.success() => String::from_utf8_lossy(&run.stdout).into_owned(),
        _ => {
            eprintln!("pdftotext (poppler-utils) is needed to read the PDF back");
            return ExitCode::FAILURE;
        }
    };
    let lines: Vec<String> =
        text.lines().map(|l| l.chars().filter(|c| !c.is_whitespace()).collect::<String>()).filter(|l| !l.is_empty()).collect();
    let mut broken = 0;
    for pair in lines.windows(2) {
        let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
        let bad_start = start.is_some_and(|c| NO_START.contains(c) || "-),;%".contains(c));
        let bad_end = end.is_some_and(|c| NO_END.contains(c) || c == '(');
        if bad_start || bad_end {
            broken += 1;
            println!("  {} | {}", pair[0], pair[1]);
        }
    }
    println!("{} lines, {broken} breaks at a forbidden position", lines.len());
    if broken == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
