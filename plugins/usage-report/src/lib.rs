//! The usage-report plugin: an on-demand report built the moment someone asks.
//!
//! Input (`data`):
//! ```json
//! {
//!   "period": {"start": "2026-10-01", "end": "2026-10-31"},
//!   "licensed_seats": 50,
//!   "lifetime_hours_saved_before": "180",
//!   "events": [
//!     {"at": "2026-10-02T10:00:00Z", "user": "u1", "type": "session",
//!      "feature": "reports", "minutes_saved": 12}
//!   ]
//! }
//! ```
//! Events are raw usage events covering this period and the one before it
//! (the same number of days, immediately preceding). The plugin computes
//! active users, sessions, hours saved and features used for both periods,
//! the trend between them, the top features, and picks adoption tips (low
//! usage), power-user tips (high usage) and a milestone celebration when
//! lifetime hours saved cross a threshold during the period.

use folio_plugin::prelude::*;
use folio_plugin::{
    chrono::{DateTime, NaiveDate, Utc},
    parse_date,
    serde_json::json,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The plugin type exported to the host.
pub struct UsageReport;

/// Lifetime hours-saved thresholds worth celebrating.
const MILESTONES: [u32; 5] = [10, 100, 500, 1000, 10_000];
/// Active seats below this share get adoption tips.
const LOW_ADOPTION: Decimal = Decimal::from_parts(40, 0, 0, false, 2);
/// Active seats above this share get power-user tips.
const HIGH_ADOPTION: Decimal = Decimal::from_parts(80, 0, 0, false, 2);

#[derive(Debug, Default, Serialize, PartialEq)]
struct Totals {
    active_users: usize,
    sessions: usize,
    hours_saved: String,
    features_used: usize,
}

#[derive(Debug, Serialize)]
struct Trend {
    active_users_percent: Option<String>,
    sessions_percent: Option<String>,
    hours_saved_percent: Option<String>,
}

#[derive(Debug, Serialize)]
struct Feature {
    name: String,
    uses: usize,
}

struct Event {
    date: NaiveDate,
    user: String,
    session: bool,
    feature: Option<String>,
    minutes_saved: Decimal,
}

struct Period {
    users: BTreeSet<String>,
    sessions: usize,
    minutes: Decimal,
    features: BTreeMap<String, usize>,
}

impl Period {
    fn new() -> Self {
        Period { users: BTreeSet::new(), sessions: 0, minutes: Decimal::ZERO, features: BTreeMap::new() }
    }

    fn add(&mut self, e: &Event) {
        self.users.insert(e.user.clone());
        self.sessions += usize::from(e.session);
        self.minutes += e.minutes_saved;
        if let Some(f) = &e.feature {
            *self.features.entry(f.clone()).or_default() += 1;
        }
    }

    fn hours(&self) -> Decimal {
        (self.minutes / Decimal::from(60)).round_dp(1)
    }

    fn totals(&self) -> Totals {
        Totals {
            active_users: self.users.len(),
            sessions: self.sessions,
            hours_saved: self.hours().to_string(),
            features_used: self.features.len(),
        }
    }
}

impl Plugin for UsageReport {
    fn describe() -> Manifest {
        Manifest::new("usage-report", env!("CARGO_PKG_VERSION")).kind(
            Kind::new("usage-report", DocumentClass::OnDemand, "usage-report")
                .slot("tips", &["adoption", "power-user", "steady"])
                .slot("milestone", &["celebration", "none"]),
        )
    }

    fn plan(request: &Request) -> Result<Plan, PlanError> {
        request.customer_id()?;
        let local = request.local_now()?;
        let data = request.data();
        let start = parse_date("data.period.start", data.get("period").get("start").str()?)?;
        let end = parse_date("data.period.end", data.get("period").get("end").str()?)?;
        if end < start {
            return Err(PlanError::invalid("data.period.end", "is before data.period.start"));
        }
        let length = (end - start).num_days() + 1;
        let previous_start = start - folio_plugin::chrono::Duration::days(length);
        let seats = match data.get("licensed_seats").opt_u32()? {
            Some(0) | None => return Err(PlanError::invalid("data.licensed_seats", "must be a whole number of at least 1")),
            Some(n) => n,
        };
        let before_field = data.get("lifetime_hours_saved_before");
        let lifetime_before = if before_field.value().is_some() { before_field.decimal()? } else { Decimal::ZERO };

        let mut current = Period::new();
        let mut previous = Period::new();
        for item in data.get("events").items()? {
            let e = event(&item, local.zone())?;
            if e.date >= start && e.date <= end {
                current.add(&e);
            } else if e.date >= previous_start && e.date < start {
                previous.add(&e);
            }
        }

        let this = current.totals();
        let had_previous = previous.sessions > 0 || !previous.users.is_empty();
        let trend = Trend {
            active_users_percent: had_previous.then(|| change(previous.users.len().into(), current.users.len().into())).flatten(),
            sessions_percent: had_previous.then(|| change(previous.sessions.into(), current.sessions.into())).flatten(),
            hours_saved_percent: had_previous.then(|| change(previous.hours(), current.hours())).flatten(),
        };
        let mut top: Vec<Feature> = current.features.iter().map(|(name, uses)| Feature { name: name.clone(), uses: *uses }).collect();
        top.sort_by(|a, b| b.uses.cmp(&a.uses).then_with(|| a.name.cmp(&b.name)));
        top.truncate(3);

        let adoption = Decimal::from(current.users.len()) / Decimal::from(seats);
        let tips = if adoption < LOW_ADOPTION {
            "adoption"
        } else if adoption > HIGH_ADOPTION {
            "power-user"
        } else {
            "steady"
        };
        let lifetime_after = lifetime_before + current.hours();
        let milestone = MILESTONES.into_iter().rev().find(|m| lifetime_before < Decimal::from(*m) && lifetime_after >= Decimal::from(*m));

        let view = json!({
            "customer": {"id": request.customer.id, "name": request.customer.display_name, "locale": request.customer.locale, "timezone": request.customer.timezone},
            "period": {"start": start.to_string(), "end": end.to_string(), "days": length},
            "previous_period": {"start": previous_start.to_string(), "end": (start - folio_plugin::chrono::Duration::days(1)).to_string()},
            "totals": this,
            "previous_totals": previous.totals(),
            "trend": trend,
            "top_features": top,
            "licensed_seats": seats,
            "adoption_percent": (adoption * Decimal::ONE_HUNDRED).round_dp(1).to_string(),
            "lifetime_hours_saved": lifetime_after.round_dp(1).to_string(),
            "milestone_hours": milestone,
        });
        Plan::new("usage-report", &view)?
            .block("tips", tips)
            .block("milestone", if milestone.is_some() { "celebration" } else { "none" })
            .title(format!("Your usage report, {start} to {end}"))
            .file_name(format!("usage-{}-{start}", request.customer.id))
            .freshness(900)
            .ok()
    }
}

fn event(item: &folio_plugin::Json<'_>, zone: folio_plugin::chrono_tz::Tz) -> Result<Event, PlanError> {
    let at_field = item.get("at");
    let at_text = at_field.str()?;
    let at = DateTime::parse_from_rfc3339(at_text)
        .map_err(|_| PlanError::invalid(at_field.path(), format!("`{at_text}` is not an RFC 3339 timestamp")))?
        .with_timezone(&Utc);
    let user = item.get("user").str()?.to_string();
    let kind = item.get("type").str()?;
    let minutes_field = item.get("minutes_saved");
    let minutes_saved = if minutes_field.value().is_some() { minutes_field.decimal()? } else { Decimal::ZERO };
    if minutes_saved < Decimal::ZERO {
        return Err(PlanError::invalid(minutes_field.path(), "must not be negative"));
    }
    Ok(Event {
        date: at.with_timezone(&zone).date_naive(),
        user,
        session: kind == "session",
        feature: item.get("feature").opt_str()?.map(str::to_string),
        minutes_saved,
    })
}

/// Percent change from `before` to `after`, one decimal; `None` when `before` is zero.
fn change(before: Decimal, after: Decimal) -> Option<String> {
    if before.is_zero() {
        return None;
    }
    Some(((after - before) / before * Decimal::ONE_HUNDRED).round_dp(1).to_string())
}

/// Sample input used by tests and examples.
pub fn sample_data() -> serde_json::Value {
    let mut events = Vec::new();
    for (day, user, feature, minutes) in [
        ("2026-09-05", "u1", "reports", 10),
        ("2026-09-12", "u2", "reports", 20),
        ("2026-10-02", "u1", "reports", 30),
        ("2026-10-03", "u2", "exports", 45),
        ("2026-10-04", "u3", "reports", 15),
        ("2026-10-20", "u4", "dashboards", 60),
    ] {
        events
            .push(json!({"at": format!("{day}T03:00:00Z"), "user": user, "type": "session", "feature": feature, "minutes_saved": minutes}));
    }
    json!({"period": {"start": "2026-10-01", "end": "2026-10-31"}, "licensed_seats": 5, "lifetime_hours_saved_before": "8.5", "events": events})
}

folio_plugin::export_plugin!(UsageReport);

#[cfg(test)]
mod tests {
    use super::*;
    use folio_plugin::Customer;

    fn request(data: serde_json::Value) -> Request {
        let at = DateTime::parse_from_rfc3339("2026-11-02T00:00:00Z").unwrap().with_timezone(&Utc);
        let customer = Customer::new("cus_cn_3", "上海云帆科技有限公司", "zh-CN", "Asia/Shanghai", "smb");
        Request::for_test("usage-report", customer, data, at)
    }

    #[test]
    fn totals_trend_top_features_and_blocks() {
        let plan = UsageReport::plan(&request(sample_data())).unwrap();
        let vm = plan.view_model();
        assert_eq!(vm["totals"], json!({"active_users": 4, "sessions": 4, "hours_saved": "2.5", "features_used": 3}));
        assert_eq!(vm["previous_totals"]["sessions"], 2);
        assert_eq!(vm["trend"]["sessions_percent"], "100");
        assert_eq!(vm["trend"]["hours_saved_percent"], "400");
        assert_eq!(vm["top_features"][0], json!({"name": "reports", "uses": 2}));
        assert_eq!(vm["adoption_percent"], "80.0");
        assert_eq!(plan.blocks[0].variant, "steady");
        // 8.5 h before + 2.5 h this period crosses 10 h.
        assert_eq!(plan.blocks[1].variant, "celebration");
        assert_eq!(vm["milestone_hours"], 10);
    }

    #[test]
    fn low_usage_gets_adoption_tips() {
        let mut data = sample_data();
        data["licensed_seats"] = json!(50);
        data["lifetime_hours_saved_before"] = json!("100");
        let plan = UsageReport::plan(&request(data)).unwrap();
        assert_eq!(plan.blocks[0].variant, "adoption");
        assert_eq!(plan.blocks[1].variant, "none");
    }

    #[test]
    fn bad_events_name_their_path() {
        let mut data = sample_data();
        data["events"][3]["at"] = json!("yesterday");
        assert!(matches!(UsageReport::plan(&request(data)), Err(PlanError::InvalidInput { path, .. }) if path == "data.events[3].at"));
        let mut data = sample_data();
        data["period"]["end"] = json!("2026-09-01");
        assert!(matches!(UsageReport::plan(&request(data)), Err(PlanError::InvalidInput { path, .. }) if path == "data.period.end"));
    }
}
