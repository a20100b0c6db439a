-- Interactive documents. A snapshot is the offer a customer's action made:
-- their selections so far, the plan made for them and the SHA-256 of the
-- page it rendered; the newest per link is the current offer. An
-- acceptance is at most one per link (the unique link_id), with its signed
-- receipt; its HTML and PDF are archived documents. Receipt keys sign
-- receipts; their secrets are sealed like webhook secrets.

CREATE TABLE offer_snapshots (
    link_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    action TEXT NOT NULL,
    selections TEXT NOT NULL,
    plan TEXT NOT NULL,
    page_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (link_id, seq)
);

CREATE TABLE acceptances (
    id TEXT PRIMARY KEY,
    link_id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    plugin TEXT NOT NULL,
    version TEXT NOT NULL,
    snapshot_id TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    html_document_id TEXT NOT NULL,
    pdf_document_id TEXT NOT NULL,
    receipt TEXT NOT NULL
);
CREATE INDEX acceptances_by_customer ON acceptances (customer_id, accepted_at);
CREATE INDEX acceptances_by_plugin ON acceptances (plugin, accepted_at);

CREATE TABLE receipt_keys (
    id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT
);
