-- Events and webhooks. An event row is written in the same transaction as
-- the change it reports (the outbox), and so are its deliveries: one row
-- per endpoint subscribed to its type. Dispatchers claim due deliveries
-- with a lease; every attempt is kept. `seq` orders events in commit
-- order (event-writing transactions are serialized), so a consumer polling
-- GET /v1/events?after=… never skips one.

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    at TEXT NOT NULL,
    customer_id TEXT,
    subject TEXT,
    data TEXT NOT NULL
);
CREATE INDEX events_by_customer ON events (customer_id, seq);
CREATE INDEX events_by_subject ON events (subject);
CREATE INDEX events_by_time ON events (at);

CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_until TEXT,
    disabled_at TEXT,
    disabled_reason TEXT,
    failing_since TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE webhook_subscriptions (
    endpoint_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, event_type)
);
CREATE INDEX webhook_subscriptions_by_type ON webhook_subscriptions (event_type);

CREATE TABLE webhook_deliveries (
    event_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, state, next_attempt_at);

CREATE TABLE webhook_attempts (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    attempt BIGINT NOT NULL,
    at TEXT NOT NULL,
    status BIGINT,
    error TEXT,
    latency_ms BIGINT NOT NULL,
    next_attempt_at TEXT
);
CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (endpoint_id, at);

-- The customer-success view: a customer's links, and links nobody opened.
CREATE INDEX open_links_by_customer ON open_links (customer_id, created_at);
CREATE INDEX open_links_by_time ON open_links (created_at);
