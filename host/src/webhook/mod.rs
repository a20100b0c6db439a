//! Webhooks: events delivered to the customer's own systems, signed
//! (Standard Webhooks 1.0), at least once, from the outbox the store keeps.
//!
//! | module | job |
//! | --- | --- |
//! | `dispatch` | the dispatcher every replica runs: claim, send, record |
//! | `schedule` | when a failed delivery is tried again |
//! | `address` | where webhooks may go: URL rules, the address check after DNS (SSRF) |
//! | `secret` | endpoint secrets: made, shown once, encrypted at rest |

mod address;
mod dispatch;
mod schedule;
mod secret;

pub use address::{AddressPolicy, GuardedResolver, Lookup, MAX_URL_LEN, Refused, ResolveError, check_url, classify, system_lookup};
pub use dispatch::{DispatchMetrics, Dispatcher, WebhookConfig, sign};
pub use schedule::{RetrySchedule, parse_retry_after};
pub use secret::{KEY_ENV, KEY_FILE, SecretBox, SecretError, new_secret, show};
