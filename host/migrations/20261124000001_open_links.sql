-- Open-time rendering: signed links that render a document when an email
-- is opened, the keys that sign them, and every open.

CREATE TABLE signing_keys (
    id TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT
);

CREATE TABLE open_links (
    id TEXT PRIMARY KEY,
    plugin TEXT NOT NULL,
    alias TEXT,
    version TEXT,
    kind TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    data TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_good_sha256 TEXT,
    last_good_at TEXT
);

CREATE TABLE open_events (
    id TEXT PRIMARY KEY,
    link_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    at TEXT NOT NULL,
    format TEXT NOT NULL,
    method TEXT NOT NULL,
    agent TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX open_events_by_link ON open_events (link_id, at);
CREATE INDEX open_events_by_customer ON open_events (customer_id, at);
