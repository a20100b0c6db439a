//! Script smuggled into documents: the OWASP XSS filter evasion cheat
//! sheet's URL tricks, and markup that runs script without a link. Every
//! one must be gone from every output (`tests/render.rs`) and run nothing
//! in a real browser (`tests/browser.rs`).

/// Link targets that browsers run as script unless they are removed.
pub const URL_TRICKS: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\u{1}javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "javascript\t:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "jav&#x0D;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
    "javascript&colon;alert(1)",
    "javas&#99;ript:alert(1)",
    "&#14; javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
];

/// Markup a template might output raw (`{{{ }}}`) that runs script without
/// a plain link.
pub const MARKUP_TRICKS: &[&str] = &[
    r#"<script>alert(1)</script>"#,
    r#"<img src=x onerror=alert(1)>"#,
    r#"<svg onload=alert(1)></svg>"#,
    r#"<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">svg link</text></a></svg>"#,
    r#"<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">math link</maction></math>"#,
    r#"<iframe src="javascript:alert(1)"></iframe>"#,
    r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
    r#"<object data="javascript:alert(1)"></object>"#,
    r#"<embed src="javascript:alert(1)">"#,
    r#"<form action="javascript:alert(1)"><button>form</button></form>"#,
    r#"<button formaction="javascript:alert(1)">formaction</button>"#,
    r#"<a href="javascript&colon;alert(1)">colon entity</a>"#,
    r#"<a href="jav&#x09;ascript:alert(1)">tab entity</a>"#,
    r#"<a href=" &#14; javascript:alert(1)">control entity</a>"#,
    r##"<a href="#" onclick="alert(1)">onclick</a>"##,
    r#"<div style="background:url(javascript:alert(1))">css url</div>"#,
    r#"<div style="width: expression(alert(1))">css expression</div>"#,
    r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
    r#"<base href="javascript:alert(1)//">"#,
    r#"<link rel="stylesheet" href="javascript:alert(1)">"#,
    r#"<style>body{background:url("javascript:alert(1)")}</style>"#,
    r#"<details open ontoggle=alert(1)>details</details>"#,
    r#"<a href="https://example.com/ok">a safe link</a>"#,
];
