//! What distributor and reseller staff see of their customers besides the
//! onboarding steps: each customer's AWS accounts with the health of its CUR
//! (read-only, in Assets), and the Customers list as a CSV file.

use rusqlite::Connection;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::auth::Actor;
use crate::error::CoreError;
use crate::onboarding::{self, CloudAccount};
use crate::progress::{self, CustomerProgress, Health};

/// One cloud account of a customer the actor can see, with the customer's CUR health.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerAccount {
    pub customer: String,
    pub parent: String,
    pub account: CloudAccount,
    pub health: Health,
}

/// The cloud accounts of every customer `actor` can see (a customer sees its own),
/// by customer name, then oldest first.
pub fn customer_accounts(
    conn: &Connection,
    actor: &Actor,
) -> Result<Vec<CustomerAccount>, CoreError> {
    let visible: FxHashMap<String, CustomerProgress> = progress::progress(conn, actor)?
        .into_iter()
        .map(|p| (p.customer_id.clone(), p))
        .collect();
    let mut out: Vec<CustomerAccount> = onboarding::all_accounts(conn)?
        .into_iter()
        .filter_map(|account| {
            let p = visible.get(&account.customer_id)?;
            Some(CustomerAccount {
                customer: p.customer.clone(),
                parent: p.parent.clone(),
                health: p.health,
                account,
            })
        })
        .collect();
    // Stable: accounts of one customer keep their order of creation.
    out.sort_by(|a, b| a.customer.cmp(&b.customer));
    Ok(out)
}

/// The columns of the Customers list's CSV export, in order.
pub const CSV_HEADER: [&str; 9] = [
    "customer",
    "reseller",
    "part",
    "step",
    "percent",
    "health",
    "next_action",
    "who_must_act",
    "blocker",
];

/// The rows of `progress` named by `ids` (the list as the user sees it, filtered
/// and sorted), in that order, as CSV; IDs the user cannot see are left out.
/// Returns the text and the number of rows.
pub fn customers_csv(
    progress: &[CustomerProgress],
    ids: &[String],
    render: impl Fn(&CustomerProgress) -> [String; 3],
) -> Result<(String, usize), CoreError> {
    let by_id: FxHashMap<&str, &CustomerProgress> = progress
        .iter()
        .map(|p| (p.customer_id.as_str(), p))
        .collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| CoreError::io("write", "the CSV", std::io::Error::other(e));
    w.write_record(CSV_HEADER).map_err(csv_error)?;
    let mut count = 0;
    for p in ids.iter().filter_map(|id| by_id.get(id.as_str())) {
        let [next, who, blocker] = render(p);
        w.write_record([
            // A cell starting with = + - @ is a formula to a spreadsheet: quoted harmless.
            defuse(&p.customer),
            defuse(&p.parent),
            p.part.to_string(),
            serde_plain(&p.step),
            p.percent.to_string(),
            p.health.as_str().to_owned(),
            defuse(&next),
            defuse(&who),
            defuse(&blocker),
        ])
        .map_err(csv_error)?;
        count += 1;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| CoreError::io("write", "the CSV", std::io::Error::other(e.to_string())))?;
    Ok((String::from_utf8_lossy(&bytes).into_owned(), count))
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a
/// formula (CSV injection); such a cell gets a leading apostrophe.
fn defuse(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The `snake_case` name serde gives a unit variant.
fn serde_plain(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::progress::Step;

    fn row(id: &str, name: &str) -> CustomerProgress {
        CustomerProgress {
            customer_id: id.into(),
            customer: name.into(),
            parent: "Resell One".into(),
            part: 2,
            step: Step::Contract,
            percent: 25,
            blocker: Some(crate::text!("blocker-no-contract")),
            who_must_act: crate::text!("who-parent-admin", parent = "Resell One"),
            next_action: crate::text!("next-assign-contract"),
            health: Health::NotAvailable,
            waiting_since: None,
        }
    }

    #[test]
    fn the_csv_keeps_the_order_shown_and_defuses_formulas() {
        let rows = [
            row("a", "Acme"),
            row("b", "=HYPERLINK(\"x\")"),
            row("c", "Globex, Inc."),
        ];
        let ids = ["c".to_owned(), "b".to_owned(), "unknown".to_owned()];
        let (text, n) = customers_csv(&rows, &ids, |p| {
            [
                p.next_action.en(),
                p.who_must_act.en(),
                p.blocker.as_ref().map(|b| b.en()).unwrap_or_default(),
            ]
        })
        .unwrap();
        assert_eq!(n, 2);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert!(
            lines[1].starts_with(
                "\"Globex, Inc.\",Resell One,2,contract,25,not_available,Assign a contract"
            ),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("\"'=HYPERLINK(\"\"x\"\")\""),
            "{}",
            lines[2]
        );
        assert_eq!(lines.len(), 3);
    }
}
