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
//!   "proposed_seats": 140
//! }
//! ```
//! Days to renewal pick the message on the 90/60/30/14/7-day timeline; the
//! customer's segment picks the case study and the health score picks an
//! expansion prompt (healthy) or support resources (at risk). An interaction
//! (`change-seats`, `choose-option`) re-plans with the customer's choice.

use folio_plugin::prelude::*;
use folio_plugin::{chrono::NaiveDate, parse_date, serde_json::json};
use serde::Serialize;

/// The plugin type exported to the host.
pub struct RenewalProposal;

/// Health at or above this is "healthy": offer expansion.
const HEALTHY: f64 = 70.0;
/// Health below this is "at risk": offer support.
const AT_RISK: f64 = 50.0;
const OPTIONS: [&str; 3] = ["1-year", "2-year", "seat-change"];

#[derive(Debug, Serialize)]
struct Option_ {
    id: &'static str,
    months: u32,
    seats: u32,
    discount_percent: String,
    monthly: Money,
    total: Money,
    selected: bool,
}

#[derive(Debug, Serialize)]
struct ViewModel {
    customer: serde_json::Value,
    plan_name: String,
    seats: u32,
    price_per_seat_month: Money,
    renewal_date: String,
    days_to_renewal: i64,
    stage: &'static str,
    health_score: Option<f64>,
    options: Vec<Option_>,
}

impl Plugin for RenewalProposal {
    fn describe() -> Manifest {
        Manifest::new("renewal-proposal", env!("CARGO_PKG_VERSION")).kind(
            Kind::new("renewal-proposal", DocumentClass::Interactive, "renewal-proposal")
                .slot("stage", &["value-recap", "csm-conversation", "formal-proposal", "urgency", "escalation", "lapsed"])
                .slot("case-study", &["enterprise", "smb"])
                .slot("health", &["expansion", "support", "steady"]),
        )
    }

    fn plan(request: &Request) -> Result<Plan, PlanError> {
        request.customer_id()?;
        let local = request.local_now()?;
        let data = request.data();
        let plan = data.get("plan");
        let plan_name = plan.get("name").str()?.to_string();
        let seats = required_seats(&plan.get("seats"))?;
        let currency = Currency::parse("data.plan.currency", plan.get("currency").str()?)?;
        let price_field = plan.get("price_per_seat_month");
        let price = price_field.decimal()?;
        if price < Decimal::ZERO {
            return Err(PlanError::invalid(price_field.path(), "must not be negative"));
        }
        let renewal: NaiveDate = parse_date("data.renewal_date", data.get("renewal_date").str()?)?;
        let discount_field = data.get("two_year_discount_percent");
        let discount = if discount_field.value().is_some() { discount_field.decimal()? } else { Decimal::ZERO };
        if discount < Decimal::ZERO || discount > Decimal::ONE_HUNDRED {
            return Err(PlanError::invalid(discount_field.path(), "must be between 0 and 100"));
        }
        let mut proposed = match data.get("proposed_seats").value() {
            Some(_) => required_seats(&data.get("proposed_seats"))?,
            None => seats,
        };
        let health = match data.get("health_score").opt_f64()? {
            Some(h) => Some(h),
            None => request.attributes().get("health_score").opt_f64()?,
        };
        if let Some(h) = health
            && !(0.0..=100.0).contains(&h)
        {
            return Err(PlanError::invalid("data.health_score", "must be between 0 and 100"));
        }

        let mut selected = None;
        if let Some(interaction) = &request.interaction {
            let inputs = folio_plugin::Json::new("interaction.inputs", &interaction.inputs);
            match interaction.action.as_str() {
                "change-seats" => proposed = required_seats(&inputs.get("seats"))?,
                "choose-option" => {
                    let choice = inputs.get("option").str()?;
                    selected = Some(OPTIONS.into_iter().find(|o| *o == choice).ok_or_else(|| {
                        PlanError::invalid("interaction.inputs.option", format!("must be one of {}", OPTIONS.join(", ")))
                    })?);
                }
                "accept" => {}
                other => {
                    return Err(PlanError::invalid("interaction.action", format!("`{other}` is not an action this document offers")));
                }
            }
        }

        let days = local.days_until(renewal);
        let stage = stage(days);
        let option = |id: &'static str, months: u32, seats: u32, discount: Decimal| -> Result<Option_, PlanError> {
            let kept = (Decimal::ONE_HUNDRED - discount) / Decimal::ONE_HUNDRED;
            let monthly = currency.round(price * Decimal::from(seats) * kept);
            let total =
                monthly.checked_mul(Decimal::from(months)).ok_or_else(|| PlanError::invalid("data.plan", "prices are out of range"))?;
            Ok(Option_ {
                id,
                months,
                seats,
                discount_percent: discount.normalize().to_string(),
                monthly: Money::new(monthly, currency),
                total: Money::new(total, currency),
                selected: selected == Some(id),
            })
        };
        let mut options = vec![option("1-year", 12, seats, Decimal::ZERO)?, option("2-year", 24, seats, discount)?];
        if proposed != seats {
            options.push(option("seat-change", 12, proposed, Decimal::ZERO)?);
        }

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
            seats,
            price_per_seat_month: Money::new(price, currency),
            renewal_date: renewal.to_string(),
            days_to_renewal: days,
            stage,
            health_score: health,
            options,
        };
        Plan::new("renewal-proposal", &view)?
            .block("stage", stage)
            .block("case-study", case_study)
            .block("health", health_block)
            .title(format!("Your {plan_name} renewal"))
            .file_name(format!("renewal-{}", request.customer.id))
            .freshness(3600)
            .action("choose-option", "Choose this option", json!({"option": {"enum": OPTIONS}}))
            .action("change-seats", "Change seats", json!({"seats": {"type": "integer", "minimum": 1}}))
            .action("accept", "Accept proposal", json!({}))
            .ok()
    }
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
    fn prices_options_exactly() {
        let plan = RenewalProposal::plan(&request(sample_data(), "2026-12-20T00:00:00Z", "enterprise")).unwrap();
        let vm = plan.view_model();
        let o = &vm["options"];
        assert_eq!(o[0]["monthly"]["amount"], "50400.00");
        assert_eq!(o[0]["total"]["amount"], "604800.00");
        assert_eq!(o[1]["monthly"]["amount"], "45360.00");
        assert_eq!(o[1]["total"]["amount"], "1088640.00");
        assert_eq!(o[2]["seats"], 140);
        assert_eq!(plan.view_model()["days_to_renewal"], 42);
        assert_eq!(block(&plan, "stage"), "csm-conversation");
        assert_eq!(block(&plan, "case-study"), "enterprise");
        assert_eq!(block(&plan, "health"), "expansion");
        assert_eq!(plan.actions.len(), 3);
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
    fn interactions_replan_with_the_choice() {
        let mut req = request(sample_data(), "2026-12-20T00:00:00Z", "smb");
        req.interaction = Some(Interaction { action: "change-seats".into(), inputs: json!({"seats": 150}) });
        let plan = RenewalProposal::plan(&req).unwrap();
        assert_eq!(plan.view_model()["options"][2]["seats"], 150);
        req.interaction = Some(Interaction { action: "choose-option".into(), inputs: json!({"option": "2-year"}) });
        let plan = RenewalProposal::plan(&req).unwrap();
        assert_eq!(plan.view_model()["options"][1]["selected"], true);
        req.interaction = Some(Interaction { action: "choose-option".into(), inputs: json!({"option": "5-year"}) });
        assert!(matches!(RenewalProposal::plan(&req), Err(PlanError::InvalidInput { path, .. }) if path == "interaction.inputs.option"));
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
