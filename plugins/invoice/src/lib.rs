//! The invoice plugin: a structured document generated in bulk by billing runs.
//!
//! Input (`data`):
//! ```json
//! {
//!   "number": "INV-2026-0042", "currency": "MYR", "issued_on": "2026-11-01",
//!   "payment_terms_days": 30, "payment_url": "https://pay.example.com/i/42",
//!   "paid": false,
//!   "lines": [{"description": "Seats", "quantity": 3, "unit_price": "120.00",
//!              "discount_percent": "10", "tax_rate": "8"}]
//! }
//! ```
//! Every line is computed in exact decimals: net = quantity × unit price less
//! the discount, rounded half-up to the currency's minor unit; tax is rounded
//! half-up per line. Taxes are summed per rate. A negative total makes the
//! document a credit note.
//!
//! An invoice is paid when `data.paid` says so, or when the customer's
//! profile has the fact `paid:<number>` (the host puts the newest value of
//! each customer event under `customer.attributes.facts`). The fact is what
//! an email opened after payment sees: the billing system records the
//! payment as an event, and the next render says "thank you", not "pay now".

use folio_plugin::prelude::*;
use folio_plugin::{Json, chrono, exact_mul, exact_percent, parse_date};
use serde::Serialize;
use serde_json::json;

/// The plugin type exported to the host.
pub struct Invoice;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

#[derive(Debug, Serialize)]
struct Line {
    description: String,
    quantity: String,
    unit_price: Money,
    discount_percent: String,
    tax_rate: String,
    net: Money,
    tax: Money,
}

#[derive(Debug, Serialize)]
struct TaxRate {
    rate: String,
    taxable: Money,
    tax: Money,
}

#[derive(Debug, Serialize)]
struct ViewModel {
    customer: CustomerView,
    number: String,
    issued_on: String,
    due_on: String,
    days_until_due: i64,
    status: &'static str,
    is_credit_note: bool,
    lines: Vec<Line>,
    subtotal: Money,
    taxes: Vec<TaxRate>,
    tax_total: Money,
    total: Money,
    /// The credit a credit note grants, as a positive amount (null otherwise).
    credit: Option<Money>,
    payment_url: Option<String>,
}

#[derive(Debug, Serialize)]
struct CustomerView {
    id: String,
    name: String,
    locale: String,
    timezone: String,
}

impl Plugin for Invoice {
    fn describe() -> Manifest {
        Manifest::new("invoice", env!("CARGO_PKG_VERSION")).kind(
            Kind::new("invoice", DocumentClass::Structured, "invoice")
                .slot("status", &["due", "overdue", "paid", "credit-note"])
                .slot("payment", &["link", "none"]),
        )
    }

    fn plan(request: &Request) -> Result<Plan, PlanError> {
        let customer_id = request.customer_id()?.to_string();
        let local = request.local_now()?;
        let data = request.data();

        let number = data.get("number").str()?.to_string();
        let currency = Currency::parse("data.currency", data.get("currency").str()?)?;
        let issued_on = parse_date("data.issued_on", data.get("issued_on").str()?)?;
        let terms = data.get("payment_terms_days").opt_u32()?.unwrap_or(30);
        let paid_fact = request.attributes().get("facts").get(&format!("paid:{number}")).value().is_some();
        let paid = data.get("paid").opt_bool()?.unwrap_or(false) || paid_fact;
        let payment_url = data.get("payment_url").opt_str()?.map(str::to_string);

        let line_inputs = data.get("lines").items()?;
        if line_inputs.is_empty() {
            return Err(PlanError::invalid("data.lines", "must list at least one line"));
        }
        let lines = line_inputs.iter().map(|l| line(l, currency)).collect::<Result<Vec<_>, _>>()?;

        let mut subtotal = Money::zero(currency);
        let mut taxes: Vec<TaxRate> = Vec::new();
        for l in &lines {
            subtotal = subtotal.checked_add(l.net)?;
            match taxes.iter_mut().find(|t| t.rate == l.tax_rate) {
                Some(t) => {
                    t.taxable = t.taxable.checked_add(l.net)?;
                    t.tax = t.tax.checked_add(l.tax)?;
                }
                None => taxes.push(TaxRate { rate: l.tax_rate.clone(), taxable: l.net, tax: l.tax }),
            }
        }
        let tax_total = taxes.iter().try_fold(Money::zero(currency), |sum, t| sum.checked_add(t.tax))?;
        let total = subtotal.checked_add(tax_total)?;

        let due_on = issued_on
            .checked_add_days(chrono::Days::new(u64::from(terms)))
            .ok_or_else(|| PlanError::invalid("data.payment_terms_days", "puts the due date out of range"))?;
        let overdue = request.now() >= local.end_of_day(due_on);
        let is_credit_note = total.is_negative();
        let status = match (is_credit_note, paid, overdue) {
            (true, _, _) => "credit-note",
            (false, true, _) => "paid",
            (false, false, true) => "overdue",
            (false, false, false) => "due",
        };
        let payment = if status == "due" || status == "overdue" { payment_url.as_deref() } else { None };

        let title = if is_credit_note { format!("Credit note {number}") } else { format!("Invoice {number}") };
        let view = ViewModel {
            customer: CustomerView {
                id: customer_id,
                name: request.customer.display_name.clone(),
                locale: request.customer.locale.clone(),
                timezone: request.customer.timezone.clone(),
            },
            number: number.clone(),
            issued_on: issued_on.to_string(),
            due_on: due_on.to_string(),
            days_until_due: local.days_until(due_on),
            status,
            is_credit_note,
            lines,
            subtotal,
            taxes,
            tax_total,
            total,
            credit: is_credit_note.then(|| Money::new(-total.amount, currency)),
            payment_url: payment.map(str::to_string),
        };
        // Settled documents change rarely; open ones can flip to paid at any time.
        let freshness = if status == "due" || status == "overdue" { 300 } else { 86_400 };
        Plan::new("invoice", &view)?
            .block("status", status)
            .block("payment", if payment.is_some() { "link" } else { "none" })
            .title(title)
            .file_name(format!("{}-{}", if is_credit_note { "credit-note" } else { "invoice" }, slug(&number)))
            .freshness(freshness)
            .ok()
    }
}

fn line(input: &Json<'_>, currency: Currency) -> Result<Line, PlanError> {
    let description = input.get("description").str()?.to_string();
    let quantity_field = input.get("quantity");
    let quantity = quantity_field.decimal()?;
    if quantity <= Decimal::ZERO {
        return Err(PlanError::invalid(quantity_field.path(), "must be greater than zero"));
    }
    let price_field = input.get("unit_price");
    let unit_price = price_field.decimal()?;
    let discount_field = input.get("discount_percent");
    let discount = if discount_field.value().is_some() { discount_field.decimal()? } else { Decimal::ZERO };
    if discount < Decimal::ZERO || discount > HUNDRED {
        return Err(PlanError::invalid(discount_field.path(), "must be between 0 and 100"));
    }
    let rate_field = input.get("tax_rate");
    let tax_rate = if rate_field.value().is_some() { rate_field.decimal()? } else { Decimal::ZERO };
    if tax_rate < Decimal::ZERO || tax_rate > HUNDRED {
        return Err(PlanError::invalid(rate_field.path(), "must be between 0 and 100"));
    }
    // Exact products, rounded once to the currency's minor unit. A product
    // the 28-digit arithmetic cannot hold exactly is refused, naming the
    // input that brought the most decimal places.
    let inexact = || {
        let fields = [(&quantity_field, quantity), (&price_field, unit_price), (&discount_field, discount), (&rate_field, tax_rate)];
        let (field, _) = fields.iter().max_by_key(|(_, d)| d.normalize().scale()).unwrap_or(&fields[0]);
        PlanError::invalid(
            field.path(),
            "together with the rest of its line, has more digits than the arithmetic carries exactly (28); round it to fewer decimal places",
        )
    };
    let gross = exact_mul(quantity, unit_price).ok_or_else(inexact)?;
    let kept = exact_percent(HUNDRED - discount).ok_or_else(inexact)?;
    let net = currency.round(exact_mul(gross, kept).ok_or_else(inexact)?);
    let tax = currency.round(exact_mul(net, exact_percent(tax_rate).ok_or_else(inexact)?).ok_or_else(inexact)?);
    Ok(Line {
        description,
        quantity: quantity.normalize().to_string(),
        unit_price: Money::new(unit_price, currency),
        discount_percent: discount.normalize().to_string(),
        tax_rate: tax_rate.normalize().to_string(),
        net: Money::new(net, currency),
        tax: Money::new(tax, currency),
    })
}

/// A file-name-safe form of an invoice number.
fn slug(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect()
}

/// Sample input used by the tests and the host's benchmark (one realistic invoice).
pub fn sample_data() -> serde_json::Value {
    json!({
        "number": "INV-2026-0042",
        "currency": "MYR",
        "issued_on": "2026-11-01",
        "payment_terms_days": 30,
        "payment_url": "https://pay.example.com/i/INV-2026-0042",
        "lines": [
            {"description": "Folio Business seats", "quantity": 12, "unit_price": "49.90", "discount_percent": "10", "tax_rate": "8"},
            {"description": "Onboarding workshop", "quantity": 1, "unit_price": "1500.00", "tax_rate": "8"},
            {"description": "SMS credits (1,000)", "quantity": 3, "unit_price": "35.55", "tax_rate": "6"}
        ]
    })
}

folio_plugin::export_plugin!(Invoice);

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use folio_plugin::Customer;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn request(data: serde_json::Value, when: &str) -> Request {
        let customer = Customer::new("cus_42", "Kedai Runcit Aminah Sdn Bhd", "ms-MY", "Asia/Kuala_Lumpur", "smb");
        Request::for_test("invoice", customer, data, at(when))
    }

    fn err_path(result: Result<Plan, PlanError>) -> String {
        match result {
            Err(PlanError::InvalidInput { path, .. }) => path,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn computes_exact_totals_with_per_line_tax_rounding() {
        let plan = Invoice::plan(&request(sample_data(), "2026-11-05T00:00:00Z")).unwrap();
        let vm = plan.view_model();
        // 12 × 49.90 = 598.80, less 10% = 538.92; tax 8% = 43.1136 → 43.11
        assert_eq!(vm["lines"][0]["net"]["amount"], "538.92");
        assert_eq!(vm["lines"][0]["tax"]["amount"], "43.11");
        // 3 × 35.55 = 106.65; tax 6% = 6.399 → 6.40
        assert_eq!(vm["lines"][2]["tax"]["amount"], "6.40");
        assert_eq!(vm["subtotal"]["amount"], "2145.57");
        assert_eq!(vm["tax_total"]["amount"], "169.51");
        assert_eq!(vm["total"]["amount"], "2315.08");
        assert_eq!(vm["taxes"].as_array().unwrap().len(), 2);
        assert_eq!(vm["due_on"], "2026-12-01");
        assert_eq!(plan.blocks[0].variant, "due");
        assert_eq!(plan.blocks[1].variant, "link");
        assert_eq!(plan.file_name, "invoice-INV-2026-0042");
    }

    #[test]
    fn overdue_after_the_due_date_ends_in_the_customers_zone() {
        // Due 2026-12-01; that day ends at 16:00 UTC in Kuala Lumpur.
        let before = Invoice::plan(&request(sample_data(), "2026-12-01T15:59:59Z")).unwrap();
        assert_eq!(before.blocks[0].variant, "due");
        let after = Invoice::plan(&request(sample_data(), "2026-12-01T16:00:00Z")).unwrap();
        assert_eq!(after.blocks[0].variant, "overdue");
    }

    #[test]
    fn paid_invoices_say_thank_you_and_drop_the_payment_link() {
        let mut data = sample_data();
        data["paid"] = json!(true);
        let plan = Invoice::plan(&request(data, "2026-12-05T00:00:00Z")).unwrap();
        assert_eq!(plan.blocks[0].variant, "paid");
        assert_eq!(plan.blocks[1].variant, "none");
        assert!(plan.view_model()["payment_url"].is_null());
    }

    #[test]
    fn a_payment_fact_on_the_profile_marks_the_invoice_paid() {
        let mut request = request(sample_data(), "2026-12-05T00:00:00Z");
        let number = sample_data()["number"].as_str().unwrap().to_string();
        request.customer.attributes = json!({"facts": {"paid:INV-OTHER": {"value": true, "at": "2026-12-01T00:00:00Z"}}});
        assert_eq!(Invoice::plan(&request).unwrap().blocks[0].variant, "overdue", "another invoice's payment");
        request.customer.attributes =
            json!({"facts": {format!("paid:{number}"): {"value": {"amount": "1"}, "at": "2026-12-01T00:00:00Z"}}});
        let plan = Invoice::plan(&request).unwrap();
        assert_eq!(plan.blocks[0].variant, "paid");
        assert_eq!(plan.blocks[1].variant, "none");
    }

    #[test]
    fn negative_total_is_a_credit_note() {
        let mut data = sample_data();
        data["lines"] = json!([{"description": "Refund", "quantity": 1, "unit_price": "-100.00"}]);
        let plan = Invoice::plan(&request(data, "2026-11-05T00:00:00Z")).unwrap();
        assert_eq!(plan.blocks[0].variant, "credit-note");
        assert!(plan.title.starts_with("Credit note"));
        assert_eq!(plan.view_model()["credit"]["amount"], "100.00");
    }

    #[test]
    fn jpy_has_no_minor_unit() {
        let mut data = sample_data();
        data["currency"] = json!("JPY");
        data["lines"] = json!([{"description": "x", "quantity": 3, "unit_price": "333", "tax_rate": "10"}]);
        let plan = Invoice::plan(&request(data, "2026-11-05T00:00:00Z")).unwrap();
        assert_eq!(plan.view_model()["total"]["amount"], "1099");
    }

    #[test]
    fn bad_input_names_the_json_path() {
        let mut data = sample_data();
        data["lines"][1]["quantity"] = json!(-2);
        assert_eq!(err_path(Invoice::plan(&request(data, "2026-11-05T00:00:00Z"))), "data.lines[1].quantity");

        let mut data = sample_data();
        data["currency"] = json!("XYZ");
        assert_eq!(err_path(Invoice::plan(&request(data, "2026-11-05T00:00:00Z"))), "data.currency");

        let mut data = sample_data();
        data["issued_on"] = json!("01/11/2026");
        assert_eq!(err_path(Invoice::plan(&request(data, "2026-11-05T00:00:00Z"))), "data.issued_on");

        let mut data = sample_data();
        data["lines"][0]["unit_price"] = json!(49.9);
        assert_eq!(err_path(Invoice::plan(&request(data, "2026-11-05T00:00:00Z"))), "data.lines[0].unit_price");

        let mut req = request(sample_data(), "2026-11-05T00:00:00Z");
        req.customer.id = String::new();
        assert_eq!(err_path(Invoice::plan(&req)), "customer.id");
    }

    /// The cases an independent calculator found wrong (issue 11): each is
    /// now computed exactly or refused, naming the input.
    #[test]
    fn due_day_ends_at_the_jump_where_local_midnight_is_skipped() {
        let data: serde_json::Value = serde_json::from_str(
            r#"{"number":"G","currency":"USD","issued_on":"2026-08-06","payment_terms_days":30,"lines":[{"description":"x","quantity":1,"unit_price":"10.00"}]}"#,
        )
        .unwrap();
        let customer = Customer::new("c", "", "en", "America/Santiago", "");
        let plan = Invoice::plan(&Request::for_test("invoice", customer.clone(), data.clone(), at("2026-09-06T02:00:00Z"))).unwrap();
        assert_eq!(plan.view_model()["status"], "due", "22:00 on the due day in Santiago");
        assert_eq!(plan.view_model()["days_until_due"], 0);
        let plan = Invoice::plan(&Request::for_test("invoice", customer, data, at("2026-09-06T04:00:00Z"))).unwrap();
        assert_eq!(plan.view_model()["status"], "overdue", "once the due day has ended");
    }

    #[test]
    fn inexact_inputs_are_refused_not_rounded() {
        let with_line = |line: serde_json::Value| {
            let mut data = sample_data();
            data["lines"] = json!([line]);
            Invoice::plan(&request(data, "2026-11-05T00:00:00Z"))
        };
        let refused = |result: Result<Plan, PlanError>| match result {
            Err(PlanError::InvalidInput { path, message }) => (path, message),
            other => panic!("expected invalid input, got {other:?}"),
        };
        let (path, message) = refused(with_line(json!({"description": "x", "quantity": "1_0", "unit_price": "1.00"})));
        assert_eq!(path, "data.lines[0].quantity");
        assert!(message.contains("not a decimal number"), "{message}");
        let (path, _) = refused(with_line(json!({"description": "x", "quantity": 1, "unit_price": "1_000.00"})));
        assert_eq!(path, "data.lines[0].unit_price");
        let huge: serde_json::Value =
            serde_json::from_str(r#"{"description": "x", "quantity": 18446744073709551616, "unit_price": "1.00"}"#).unwrap();
        let (path, message) = refused(with_line(huge));
        assert_eq!(path, "data.lines[0].quantity");
        assert!(message.contains("too large") && !message.contains("floating-point"), "{message}");
        let (path, message) = refused(with_line(
            json!({"description": "x", "quantity": 1, "unit_price": "10.01", "discount_percent": "0.0000000000000000000000001"}),
        ));
        assert_eq!(path, "data.lines[0].discount_percent");
        assert!(message.contains("more digits than the arithmetic carries exactly"), "{message}");
        // 10 × (1 - 10^-27) is exact (27 places, 27 digits): computed, not refused.
        let plan =
            with_line(json!({"description": "x", "quantity": 1, "unit_price": "10.00", "discount_percent": "0.0000000000000000000000001"}))
                .unwrap();
        assert_eq!(plan.view_model()["lines"][0]["net"]["amount"], "10.00");
        // Many places, but few enough to be exact: computed, rounded once.
        let plan = with_line(
            json!({"description": "x", "quantity": "3", "unit_price": "0.3333333333", "discount_percent": "0.5", "tax_rate": "8.125"}),
        )
        .unwrap();
        // 3 × 0.3333333333 = 0.9999999999, × 0.995 = 0.9949999999005 → 0.99; tax 8.125% of 0.99 = 0.0804375 → 0.08
        assert_eq!(plan.view_model()["lines"][0]["net"]["amount"], "0.99");
        assert_eq!(plan.view_model()["lines"][0]["tax"]["amount"], "0.08");
    }
}
