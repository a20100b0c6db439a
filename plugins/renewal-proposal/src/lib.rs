//! The renewal-proposal plugin: an interactive document a customer adjusts
//! and accepts.
//!
//! Input (`data`):
//! ```json
//! {
//!   "plan": {"name": "Business", "seats": 120, "price_per_seat_month": "420.00", "currency": "TWD"},
//!   "renewal_date": "2027-01-31",
//!   "health_score": 82,
//!   "two_year_discount_percent": "10",
//!   "proposed_seats": 140,
//!   "max_seats": 600,
//!   "valid_until": "2027-03-02"
//! }
//! ```
//! Days to renewal pick the message on the 90/60/30/14/7-day timeline; the
//! customer's segment picks the case study and the health score picks an
//! expansion prompt (healthy) or support resources (at risk).
//!
//! The customer chooses a term (`choose-option`: 1 year, or 2 years with
//! the discount), changes the seat count within the bounds the plan states
//! (`change-seats`), and accepts (`accept`). Both terms are always priced
//! for the seat count chosen so far (the proposed seats until the customer
//! changes it); the selected term's prices are the offer's totals. The
//! offer stays open until `valid_until` (default: 30 days after the renewal
//! date, so a lapsed plan can still be renewed).

use folio_plugin::prelude::*;
use folio_plugin::{chrono::Days, chrono::NaiveDate, parse_date, serde_json::json};
use serde::Serialize;

/// The plugin type exported to the host.
pub struct RenewalProposal;

/// Health at or above this is "healthy": offer expansion.
const HEALTHY: f64 = 70.0;
/// Health below this is "at risk": offer support.
const AT_RISK: f64 = 50.0;
/// The terms a customer can choose, and their length in months.
const TERMS: [(&str, u32); 2] = [("1-year", 12), ("2-year", 24)];
/// The term selected until the customer chooses one.
const DEFAULT_TERM: &str = "1-year";
/// Without `max_seats`, the seat count may grow to this many times today's.
const DEFAULT_GROWTH: u32 = 5;
/// Without `valid_until`, the offer stays open this long after the renewal date.
const GRACE_DAYS: u64 = 30;

#[derive(Debug, Serialize)]
struct Term {
    id: &'static str,
    months: u32,
    seats: u32,
    discount_percent: String,
    monthly: Money,
    total: Money,
    selected: bool,
}

#[derive(Debug, Serialize)]
struct Totals {
    option: &'static str,
    months: u32,
    discount_percent: String,
    seats: u32,
    monthly: Money,
    total: Money,
}

#[derive(Debug, Serialize)]
struct Offer {
    valid_until: String,
    totals: Totals,
}

#[derive(Debug, Serialize)]
struct SeatBounds {
    min: u32,
    max: u32,
}

#[derive(Debug, Serialize)]
struct Accepted {
    /// The instant of acceptance (RFC 3339).
    at: String,
    by: String,
}

#[derive(Debug, Serialize)]
struct ViewModel {
    customer: serde_json::Value,
    plan_name: String,
    /// Seats on the current plan.
    current_seats: u32,
    /// Seats the offer is priced for.
    seats: u32,
    seat_bounds: SeatBounds,
    price_per_seat_month: Money,
    renewal_date: String,
    days_to_renewal: i64,
    stage: &'static str,
    health_score: Option<f64>,
    options: Vec<Term>,
    /// The string key naming the selected term (`renewal.option.2-year`).
    term_key: String,
    offer: Offer,
    accepted: Option<Accepted>,
}

impl Plugin for RenewalProposal {
    fn describe() -> Manifest {
        Manifest::new("renewal-proposal", env!("CARGO_PKG_VERSION")).kind(
            Kind::new("renewal-proposal", DocumentClass::Interactive, "renewal-proposal")
                .slot("stage", &["value-recap", "csm-conversation", "formal-proposal", "urgency", "escalation", "lapsed"])
                .slot("case-study", &["enterprise", "smb"])
                .slot("health", &["expansion", "support", "steady"])
                .slot("summary", &["offer", "accepted"]),
        )
    }

    fn plan(request: &Request) -> Result<Plan, PlanError> {
        request.customer_id()?;
        let local = request.local_now()?;
        let data = request.data();
        let plan = data.get("plan");
        let plan_name = plan.get("name").str()?.to_string();
        let current_seats = required_seats(&plan.get("seats"))?;
        let currency = Currency::parse("data.plan.currency", plan.get("currency").str()?)?;
        let price_field = plan.get("price_per_seat_month");
        let price = price_field.decimal()?;
        if price < Decimal::ZERO {
            return Err(PlanError::invalid(price_field.path(), "must not be negative"));
        }
        let renewal: NaiveDate = parse_date("data.renewal_date", data.get("renewal_date").str()?)?;
        let valid_until = match data.get("valid_until").value() {
            Some(_) => parse_date("data.valid_until", data.get("valid_until").str()?)?,
            None => {
                renewal.checked_add_days(Days::new(GRACE_DAYS)).ok_or_else(|| PlanError::invalid("data.renewal_date", "is out of range"))?
            }
        };
        let discount_field = data.get("two_year_discount_percent");
        let discount = if discount_field.value().is_some() { discount_field.decimal()? } else { Decimal::ZERO };
        if discount < Decimal::ZERO || discount > Decimal::ONE_HUNDRED {
            return Err(PlanError::invalid(discount_field.path(), "must be between 0 and 100"));
        }
        let max_seats = match data.get("max_seats").value() {
            Some(_) => required_seats(&data.get("max_seats"))?,
            None => current_seats.saturating_mul(DEFAULT_GROWTH).max(100),
        };
        let mut seats = match data.get("proposed_seats").value() {
            Some(_) => required_seats(&data.get("proposed_seats"))?,
            None => current_seats,
        };
        if seats > max_seats {
            return Err(PlanError::invalid("data.proposed_seats", format!("must be at most max_seats ({max_seats})")));
        }
        let health = match data.get("health_score").opt_f64()? {
            Some(h) => Some(h),
            None => request.attributes().get("health_score").opt_f64()?,
        };
        if let Some(h) = health
            && !(0.0..=100.0).contains(&h)
        {
            return Err(PlanError::invalid("data.health_score", "must be between 0 and 100"));
        }

        // The customer's selections so far: every earlier action's inputs
        // with this action's merged over them.
        let mut selected = DEFAULT_TERM;
        let mut accepted = None;
        if let Some(interaction) = &request.interaction {
            let inputs = folio_plugin::Json::new("interaction.inputs", &interaction.inputs);
            if inputs.get("seats").value().is_some() {
                seats = required_seats(&inputs.get("seats"))?;
                if seats > max_seats {
                    return Err(PlanError::invalid("interaction.inputs.seats", format!("must be at most {max_seats}")));
                }
            }
            if inputs.get("option").value().is_some() {
                let choice = inputs.get("option").str()?;
                selected =
                    TERMS.iter().map(|(id, _)| *id).find(|id| *id == choice).ok_or_else(|| {
                        PlanError::invalid("interaction.inputs.option", format!("must be one of {}", term_ids().join(", ")))
                    })?;
            }
            match interaction.action.as_str() {
                "change-seats" | "choose-option" => {}
                "accept" => {
                    accepted = Some(Accepted {
                        at: request.now().to_rfc3339_opts(folio_plugin::chrono::SecondsFormat::Secs, true),
                        by: request.customer.display_name.clone(),
                    })
                }
                other => {
                    return Err(PlanError::invalid("interaction.action", format!("`{other}` is not an action this document offers")));
                }
            }
        }

        let days = local.days_until(renewal);
        let stage = stage(days);
        let term = |(id, months): (&'static str, u32)| -> Result<Term, PlanError> {
            let discount = if months > 12 { discount } else { Decimal::ZERO };
            let kept = (Decimal::ONE_HUNDRED - discount) / Decimal::ONE_HUNDRED;
            let monthly = currency.round(price * Decimal::from(seats) * kept);
            let total =
                monthly.checked_mul(Decimal::from(months)).ok_or_else(|| PlanError::invalid("data.plan", "prices are out of range"))?;
            Ok(Term {
                id,
                months,
                seats,
                discount_percent: discount.normalize().to_string(),
                monthly: Money::new(monthly, currency),
                total: Money::new(total, currency),
                selected: id == selected,
            })
        };
        let options = TERMS.into_iter().map(term).collect::<Result<Vec<_>, _>>()?;
        let chosen = options.iter().find(|t| t.selected).ok_or_else(|| PlanError::internal("no term is selected"))?;
        let totals = Totals {
            option: chosen.id,
            months: chosen.months,
            discount_percent: chosen.discount_percent.clone(),
            seats,
            monthly: chosen.monthly,
            total: chosen.total,
        };
        let term_key = format!("renewal.option.{}", chosen.id);

        let case_study = if request.customer.segment.eq_ignore_ascii_case("enterprise") { "enterprise" } else { "smb" };
        let health_block = match health {
            Some(h) if h >= HEALTHY => "expansion",
            Some(h) if h < AT_RISK => "support",
            _ => "steady",
        };
        let view = ViewModel {
            customer: json!({
                "id": request.customer.id,
                "name": request.customer.display_name,
                "locale": request.customer.locale,
                "timezone": request.customer.timezone,
            }),
            plan_name: plan_name.clone(),
            current_seats,
            seats,
            seat_bounds: SeatBounds { min: 1, max: max_seats },
            price_per_seat_month: Money::new(price, currency),
            renewal_date: renewal.to_string(),
            days_to_renewal: days,
            stage,
            health_score: health,
            options,
            term_key,
            offer: Offer { valid_until: valid_until.to_string(), totals },
            accepted,
        };
        let summary = if view.accepted.is_some() { "accepted" } else { "offer" };
        Plan::new("renewal-proposal", &view)?
            .block("stage", stage)
            .block("case-study", case_study)
            .block("health", health_block)
            .block("summary", summary)
            .title(format!("Your {plan_name} renewal"))
            .file_name(format!("renewal-{}", request.customer.id))
            .freshness(3600)
            .action("choose-option", "Choose this option", Inputs::new().one_of("option", &term_ids()).title("option", "Option"))
            .action("change-seats", "Change seats", Inputs::new().integer("seats", 1, i64::from(max_seats)).title("seats", "Seats"))
            .action("accept", "Accept proposal", Inputs::new())
            .ok()
    }
}

fn term_ids() -> Vec<&'static str> {
    TERMS.iter().map(|(id, _)| *id).collect()
}

fn required_seats(field: &folio_plugin::Json<'_>) -> Result<u32, PlanError> {
    match field.opt_u32()? {
        Some(n) if n > 0 => Ok(n),
        Some(_) => Err(PlanError::invalid(field.path(), "must be at least 1")),
        None => Err(PlanError::invalid(field.path(), "is required")),
    }
}

/// The message for `days` to renewal on the 90/60/30/14/7-day timeline.
fn stage(days: i64) -> &'static str {
    match days {
        d if d < 0 => "lapsed",
        0..=7 => "escalation",
        8..=14 => "urgency",
        15..=30 => "formal-proposal",
        31..=60 => "csm-conversation",
        _ => "value-recap",
    }
}

/// Sample input used by tests and examples.
pub fn sample_data() -> serde_json::Value {
    json!({
        "plan": {"name": "Business", "seats": 120, "price_per_seat_month": "420.00", "currency": "TWD"},
        "renewal_date": "2027-01-31",
        "health_score": 82,
        "two_year_discount_percent": "10",
        "proposed_seats": 140
    })
}

folio_plugin::export_plugin!(RenewalProposal);

#[cfg(test)]
mod tests {
    use super::*;
    use folio_plugin::chrono::{DateTime, Utc};
    use folio_plugin::{Customer, Interaction};

    fn request(data: serde_json::Value, when: &str, segment: &str) -> Request {
        let at = DateTime::parse_from_rfc3339(when).unwrap().with_timezone(&Utc);
        let customer = Customer::new("cus_tw_7", "台灣科技股份有限公司", "zh-TW", "Asia/Taipei", segment);
        Request::for_test("renewal-proposal", customer, data, at)
    }

    fn block<'a>(plan: &'a Plan, slot: &str) -> &'a str {
        &plan.blocks.iter().find(|b| b.slot == slot).unwrap().variant
    }

    #[test]
    fn timeline_stages() {
        let cases = [
            (95, "value-recap"),
            (90, "value-recap"),
            (60, "csm-conversation"),
            (30, "formal-proposal"),
            (14, "urgency"),
            (7, "escalation"),
            (0, "escalation"),
            (-1, "lapsed"),
        ];
        for (days, expected) in cases {
            assert_eq!(stage(days), expected, "{days} days");
        }
    }

    #[test]
    fn prices_terms_for_the_proposed_seats() {
        let plan = RenewalProposal::plan(&request(sample_data(), "2026-12-20T00:00:00Z", "enterprise")).unwrap();
        let vm = plan.view_model();
        let o = &vm["options"];
        // 140 proposed seats at 420.00; two years at 10% off.
        assert_eq!(o[0]["monthly"]["amount"], "58800.00");
        assert_eq!(o[0]["total"]["amount"], "705600.00");
        assert_eq!(o[1]["monthly"]["amount"], "52920.00");
        assert_eq!(o[1]["total"]["amount"], "1270080.00");
        assert_eq!(o[0]["selected"], true);
        assert_eq!(vm["offer"]["totals"]["total"]["amount"], "705600.00");
        assert_eq!(vm["offer"]["valid_until"], "2027-03-02");
        assert_eq!(vm["seat_bounds"]["max"], 600);
        assert_eq!(vm["days_to_renewal"], 42);
        assert!(vm["accepted"].is_null());
        assert_eq!(block(&plan, "stage"), "csm-conversation");
        assert_eq!(block(&plan, "case-study"), "enterprise");
        assert_eq!(block(&plan, "health"), "expansion");
        assert_eq!(block(&plan, "summary"), "offer");
        assert_eq!(vm["term_key"], "renewal.option.1-year");
        let names: Vec<_> = plan.actions.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["choose-option", "change-seats", "accept"]);
        assert_eq!(plan.actions[1].inputs["properties"]["seats"]["maximum"], 600);
    }

    #[test]
    fn at_risk_smb_gets_support() {
        let mut data = sample_data();
        data["health_score"] = json!(35);
        let plan = RenewalProposal::plan(&request(data, "2027-01-25T00:00:00Z", "smb")).unwrap();
        assert_eq!(block(&plan, "health"), "support");
        assert_eq!(block(&plan, "case-study"), "smb");
        assert_eq!(block(&plan, "stage"), "escalation");
    }

    #[test]
    fn selections_accumulate_and_accept_records_who_and_when() {
        let mut req = request(sample_data(), "2026-12-20T00:00:00Z", "smb");
        req.interaction = Some(Interaction { action: "change-seats".into(), inputs: json!({"option": "2-year", "seats": 150}) });
        let vm = RenewalProposal::plan(&req).unwrap().view_model();
        assert_eq!(vm["seats"], 150);
        assert_eq!(vm["options"][1]["selected"], true);
        // 150 × 420.00 × 0.9 = 56,700 a month; 24 months.
        assert_eq!(
            vm["offer"]["totals"],
            json!({"option": "2-year", "months": 24, "discount_percent": "10", "seats": 150,
            "monthly": {"amount": "56700.00", "currency": "TWD", "minor_units": 2},
            "total": {"amount": "1360800.00", "currency": "TWD", "minor_units": 2}})
        );
        req.interaction = Some(Interaction { action: "accept".into(), inputs: json!({"option": "2-year", "seats": 150}) });
        let plan = RenewalProposal::plan(&req).unwrap();
        assert_eq!(block(&plan, "summary"), "accepted");
        let vm = plan.view_model();
        assert_eq!(vm["accepted"]["at"], "2026-12-20T00:00:00Z");
        assert_eq!(vm["accepted"]["by"], "台灣科技股份有限公司");
        req.interaction = Some(Interaction { action: "choose-option".into(), inputs: json!({"option": "5-year"}) });
        assert!(matches!(RenewalProposal::plan(&req), Err(PlanError::InvalidInput { path, .. }) if path == "interaction.inputs.option"));
        req.interaction = Some(Interaction { action: "change-seats".into(), inputs: json!({"seats": 601}) });
        assert!(matches!(RenewalProposal::plan(&req), Err(PlanError::InvalidInput { path, .. }) if path == "interaction.inputs.seats"));
    }

    #[test]
    fn bad_input_names_the_path() {
        let mut data = sample_data();
        data["plan"]["seats"] = json!(0);
        assert!(
            matches!(RenewalProposal::plan(&request(data, "2026-12-20T00:00:00Z", "smb")), Err(PlanError::InvalidInput { path, .. }) if path == "data.plan.seats")
        );
        let mut data = sample_data();
        data["renewal_date"] = json!("next year");
        assert!(
            matches!(RenewalProposal::plan(&request(data, "2026-12-20T00:00:00Z", "smb")), Err(PlanError::InvalidInput { path, .. }) if path == "data.renewal_date")
        );
    }
}
