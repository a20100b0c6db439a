//! `folio serve` end to end: the real binary on a free loopback port, driven
//! over HTTP, one test per scenario, each against a server of its own
//! (`support::server`), in files by area. SQLite by default; the PostgreSQL
//! scenarios use `FOLIO_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`, which `make setup` provides),
//! each in a database of its own, dropped afterwards even when the test
//! fails. If PostgreSQL cannot be reached those tests fail: they never skip.

#[path = "../support/mod.rs"]
mod support;

mod access;
mod batches;
mod documents;
mod offers;
mod open_links;
mod operations;
mod profiles;
mod registry;
mod webhooks;
