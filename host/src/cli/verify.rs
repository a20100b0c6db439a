//! `folio verify`: checks an acceptance receipt offline, and that a
//! document is the one it accepted. One line says what matches or what
//! does not; the exit status is non-zero unless everything matches.

use clap::Args;
use folio::offer::{Receipt, document_sha256};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The receipt: `GET /v1/acceptances/{id}`'s `receipt`, or the whole acceptance.
    receipt: PathBuf,
    /// A document to check against the receipt (the accepted PDF or HTML).
    #[arg(long, value_name = "FILE")]
    document: Option<PathBuf>,
    /// Trust only these public keys (base64, as `GET /receipt-keys` lists
    /// them), or a file holding that listing; repeatable. Without it the
    /// key the receipt carries is used, and named.
    #[arg(long, value_name = "KEY|FILE")]
    key: Vec<String>,
}

pub fn verify(args: VerifyArgs) -> Result<(), String> {
    let receipt = read_receipt(&args.receipt)?;
    let trusted = trusted_keys(&args.key)?;
    let id = receipt.record["acceptance_id"].as_str().unwrap_or("(no id)").to_string();
    let verified =
        receipt.verify((!trusted.is_empty()).then_some(trusted.as_slice())).map_err(|e| format!("receipt {id} does NOT verify: {e}"))?;
    let signed = format!("receipt {id} verifies (Ed25519, key {})", verified.key_id);
    let Some(path) = args.document else {
        println!("{signed}; accepted {} by customer {}", text(&receipt.record["accepted_at"]), text(&receipt.record["customer_id"]));
        return Ok(());
    };
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let sha256 = document_sha256(&bytes);
    let documents = receipt.record["documents"].as_array().cloned().unwrap_or_default();
    match documents.iter().find(|d| d["sha256"] == sha256.as_str()) {
        Some(d) => {
            println!("{signed}; {} is the accepted {} (sha256 {sha256})", path.display(), text(&d["format"]));
            Ok(())
        }
        None => Err(format!(
            "{signed}, but {} is NOT the accepted document: its sha256 is {sha256}; the receipt lists {}",
            path.display(),
            documents.iter().map(|d| format!("{} {}", text(&d["format"]), text(&d["sha256"]))).collect::<Vec<_>>().join(", ")
        )),
    }
}

fn text(value: &serde_json::Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_string)
}

/// The receipt in `path`: a receipt, or an acceptance holding one.
fn read_receipt(path: &Path) -> Result<Receipt, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    let receipt = if value.get("signature").is_some() { value } else { value["receipt"].clone() };
    serde_json::from_value(receipt)
        .map_err(|e| format!("{} is not a receipt (`record` and `signature`), nor an acceptance holding one: {e}", path.display()))
}

/// The public keys given: each a key, or a file with `GET /receipt-keys`'s listing.
fn trusted_keys(given: &[String]) -> Result<Vec<String>, String> {
    let mut keys = Vec::new();
    for key in given {
        let path = Path::new(key);
        if !path.is_file() {
            keys.push(key.clone());
            continue;
        }
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let listing: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
        let found: Vec<String> =
            listing["keys"].as_array().into_iter().flatten().filter_map(|k| k["public_key"].as_str().map(str::to_string)).collect();
        if found.is_empty() {
            return Err(format!("{} lists no keys: give the output of GET /receipt-keys", path.display()));
        }
        keys.extend(found);
    }
    Ok(keys)
}
