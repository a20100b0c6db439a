//! A document as an HTTP response: its content type, a download name that
//! is safe wherever it goes (RFC 6266 and RFC 5987), the archive id, and a
//! policy under which an HTML document runs nothing and cannot be framed.

use crate::render::Format;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Header carrying an archived document's id.
pub const DOCUMENT_ID: &str = "folio-document-id";

/// The policy of documents served by the API: a sandbox (no script, an
/// opaque origin), nothing loaded but images and inline styles.
const DOCUMENT_CSP: &str = "sandbox; default-src 'none'; img-src https: data: cid:; style-src 'unsafe-inline'; frame-ancestors 'none'";

/// `Content-Disposition: inline` with the document's file name, as RFC 6266
/// and RFC 5987 have it: the name reduced to a safe token, an ASCII
/// `filename` for old clients and the exact `filename*` in UTF-8.
pub(crate) fn content_disposition(file_name: &str, format: Format) -> HeaderValue {
    let stem = file_name.strip_suffix(&format!(".{}", format.extension())).unwrap_or(file_name);
    let stem = crate::render::safe_file_stem(stem).unwrap_or_else(|| "document".to_string());
    let name = format!("{stem}.{}", format.extension());
    let ascii: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    HeaderValue::from_str(&format!("inline; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
        .unwrap_or_else(|_| HeaderValue::from_static("inline"))
}

/// A document's bytes with its content type, file name and, when archived, id.
pub(crate) fn document_response(bytes: &[u8], format: Format, file_name: &str, id: Option<&str>, replayed: bool) -> Response {
    let mut response = (StatusCode::OK, bytes.to_vec()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    headers.insert(header::CONTENT_DISPOSITION, content_disposition(file_name, format));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // A document opened from the API runs nothing and cannot be framed.
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(DOCUMENT_CSP));
    if let Some(id) = id.and_then(|id| HeaderValue::from_str(id).ok()) {
        headers.insert(DOCUMENT_ID, id);
    }
    if replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_safe_header_values() {
        let header = |name: &str| content_disposition(name, Format::Html).to_str().unwrap().to_string();
        assert_eq!(header("INV-2026-0042.html"), r#"inline; filename="INV-2026-0042.html"; filename*=UTF-8''INV-2026-0042.html"#);
        let hostile = header("a\r\nSet-Cookie:x=1;filename=../../x.html\"");
        assert!(!hostile.contains('\r') && !hostile.contains('\n') && !hostile.contains(".."), "{hostile}");
        assert!(hostile.starts_with(r#"inline; filename="a-Set-Cookie-x-1-filename-x.html"#), "{hostile}");
        let chinese = header("發票-42.html");
        assert!(
            chinese.contains(r#"filename="__-42.html""#) && chinese.contains("filename*=UTF-8''%E7%99%BC%E7%A5%A8-42.html"),
            "{chinese}"
        );
    }
}
