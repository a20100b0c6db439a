-- Billing runs. A batch is one submission of many document requests, each
-- an item keyed by the caller (an invoice number), unique within the run.
-- Items are claimed in chunks by workers with a lease they extend while
-- they work (a heartbeat); a worker that dies loses its lease and another
-- takes the chunk over. An archived document names its batch and key, and
-- that pair is unique: a chunk done twice never archives a document twice.

CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    created_by TEXT NOT NULL,
    idempotency_key TEXT,
    request_sha256 TEXT NOT NULL,
    defaults TEXT NOT NULL,
    state TEXT NOT NULL,
    total BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT
);
CREATE UNIQUE INDEX batches_by_idempotency ON batches (created_by, idempotency_key);
CREATE INDEX batches_by_time ON batches (created_at);

CREATE TABLE batch_items (
    batch_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    line BIGINT NOT NULL,
    item_key TEXT,
    state TEXT NOT NULL,
    request TEXT,
    lease_owner TEXT,
    lease_until TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    document_id TEXT,
    sha256 TEXT,
    problem TEXT,
    finished_at TEXT,
    PRIMARY KEY (batch_id, seq)
);
CREATE UNIQUE INDEX batch_items_by_key ON batch_items (batch_id, item_key);
CREATE INDEX batch_items_by_state ON batch_items (state, batch_id, seq);

ALTER TABLE documents ADD COLUMN batch_id TEXT;
ALTER TABLE documents ADD COLUMN batch_key TEXT;
CREATE UNIQUE INDEX documents_by_batch_key ON documents (batch_id, batch_key);
