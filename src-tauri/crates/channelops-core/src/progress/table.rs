//! The progress list in the shape the window receives it: one array per field,
//! and each message and parent name sent once, the rows referring to them by
//! position. Rows repeat few distinct messages (a step's blocker and next action,
//! one "who must act" per reseller or customer), so at 10 000 customers the JSON
//! is ~1 MB instead of ~3.7 MB as a list of objects — less to send over IPC and to
//! parse in the web view before the first rows show. The window expands it back
//! into [`CustomerProgress`] rows (`ui/src/lib/customerList.ts`).

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{CustomerProgress, Health, Step};
use crate::text::Text;

/// Every customer's progress in columns: row `i` is the `i`-th element of each
/// per-row array. Messages and parent names are given once, in `texts` and
/// `parents`, and the rows hold their positions there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProgressTable {
    /// The distinct messages of the rows (blockers, who must act, next actions).
    pub texts: Vec<Text>,
    /// The distinct parent names.
    pub parents: Vec<String>,
    pub customer_id: Vec<String>,
    pub customer: Vec<String>,
    /// Positions in `parents`.
    pub parent: Vec<u32>,
    pub part: Vec<u8>,
    pub step: Vec<Step>,
    pub percent: Vec<u8>,
    /// Positions in `texts`; `null` when nothing blocks the row.
    pub blocker: Vec<Option<u32>>,
    /// Positions in `texts`.
    pub who_must_act: Vec<u32>,
    /// Positions in `texts`.
    pub next_action: Vec<u32>,
    pub health: Vec<Health>,
    pub waiting_since: Vec<Option<String>>,
}

/// Positions of distinct values, in the order they are first seen.
struct Interner<T> {
    values: Vec<T>,
    position: FxHashMap<T, u32>,
}

impl<T: Clone + Eq + std::hash::Hash> Interner<T> {
    fn new() -> Self {
        Interner {
            values: Vec::new(),
            position: FxHashMap::default(),
        }
    }

    fn put(&mut self, value: T) -> u32 {
        if let Some(&at) = self.position.get(&value) {
            return at;
        }
        // More distinct values than u32 positions cannot come from a list that fits in memory.
        let at = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(value.clone());
        self.position.insert(value, at);
        at
    }
}

impl From<Vec<CustomerProgress>> for ProgressTable {
    fn from(rows: Vec<CustomerProgress>) -> Self {
        let n = rows.len();
        let mut texts = Interner::new();
        let mut parents = Interner::new();
        let mut t = ProgressTable {
            customer_id: Vec::with_capacity(n),
            customer: Vec::with_capacity(n),
            parent: Vec::with_capacity(n),
            part: Vec::with_capacity(n),
            step: Vec::with_capacity(n),
            percent: Vec::with_capacity(n),
            blocker: Vec::with_capacity(n),
            who_must_act: Vec::with_capacity(n),
            next_action: Vec::with_capacity(n),
            health: Vec::with_capacity(n),
            waiting_since: Vec::with_capacity(n),
            ..ProgressTable::default()
        };
        for r in rows {
            t.customer_id.push(r.customer_id);
            t.customer.push(r.customer);
            t.parent.push(parents.put(r.parent));
            t.part.push(r.part);
            t.step.push(r.step);
            t.percent.push(r.percent);
            t.blocker.push(r.blocker.map(|b| texts.put(b)));
            t.who_must_act.push(texts.put(r.who_must_act));
            t.next_action.push(texts.put(r.next_action));
            t.health.push(r.health);
            t.waiting_since.push(r.waiting_since);
        }
        t.texts = texts.values;
        t.parents = parents.values;
        t
    }
}

#[cfg(test)]
impl ProgressTable {
    /// The rows again, as the window expands them (`customerList.expand`).
    /// `None` when a position points outside `texts` or `parents`, or the
    /// columns differ in length.
    pub fn rows(&self) -> Option<Vec<CustomerProgress>> {
        let n = self.customer_id.len();
        let lengths = [
            self.customer.len(),
            self.parent.len(),
            self.part.len(),
            self.step.len(),
            self.percent.len(),
            self.blocker.len(),
            self.who_must_act.len(),
            self.next_action.len(),
            self.health.len(),
            self.waiting_since.len(),
        ];
        if lengths.iter().any(|&l| l != n) {
            return None;
        }
        let text = |at: u32| self.texts.get(usize::try_from(at).ok()?).cloned();
        (0..n)
            .map(|i| {
                Some(CustomerProgress {
                    customer_id: self.customer_id[i].clone(),
                    customer: self.customer[i].clone(),
                    parent: self
                        .parents
                        .get(usize::try_from(self.parent[i]).ok()?)?
                        .clone(),
                    part: self.part[i],
                    step: self.step[i],
                    percent: self.percent[i],
                    blocker: match self.blocker[i] {
                        Some(at) => Some(text(at)?),
                        None => None,
                    },
                    who_must_act: text(self.who_must_act[i])?,
                    next_action: text(self.next_action[i])?,
                    health: self.health[i],
                    waiting_since: self.waiting_since[i].clone(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    fn row(i: usize, parent: &str, step: Step) -> CustomerProgress {
        let name = format!("Customer {i:05}");
        let (blocker, who, next) = match step {
            Step::Contract => (
                Some(text!("blocker-no-contract")),
                text!("who-parent-admin", parent = parent),
                text!("next-assign-contract"),
            ),
            Step::AwaitDelivery => (
                Some(text!(
                    "blocker-awaiting-delivery",
                    report = format!("cur-{i}"),
                    since = "2026-11-30"
                )),
                text!("who-nobody-aws-delivers"),
                text!("next-refresh-curs"),
            ),
            _ => (
                None,
                text!(
                    "who-customer-admin",
                    customer = name.as_str(),
                    contact = format!("admin@c{i}.example")
                ),
                text!("next-connect-account"),
            ),
        };
        CustomerProgress {
            customer_id: format!("{i:08x}-0000-4000-8000-000000000000"),
            customer: name,
            parent: parent.to_owned(),
            part: if step == Step::Contract { 2 } else { 3 },
            step,
            percent: (i % 101) as u8,
            blocker,
            who_must_act: who,
            next_action: next,
            health: if i.is_multiple_of(3) {
                Health::Failed
            } else {
                Health::NotAvailable
            },
            waiting_since: (step == Step::AwaitDelivery).then(|| "2026-11-30".to_owned()),
        }
    }

    fn list(n: usize) -> Vec<CustomerProgress> {
        let steps = [Step::Contract, Step::Account, Step::AwaitDelivery];
        (0..n)
            .map(|i| row(i, &format!("Reseller {:02}", i % 20), steps[i % 3]))
            .collect()
    }

    #[test]
    fn the_table_gives_back_every_row_in_order() {
        let rows = list(300);
        let table = ProgressTable::from(rows.clone());
        assert_eq!(table.rows(), Some(rows));
        assert_eq!(ProgressTable::from(Vec::new()).rows(), Some(Vec::new()));
    }

    #[test]
    fn each_message_and_parent_is_sent_once() {
        let table = ProgressTable::from(list(300));
        assert_eq!(table.parents.len(), 20);
        // The 100 Contract rows share 2 + 20 messages (one "who" per reseller);
        // each of the 100 Account rows has its own "who" and all share one next
        // action; each of the 100 awaiting rows its own blocker, and two shared.
        assert_eq!(table.texts.len(), (2 + 20) + (100 + 1) + (100 + 2));
        let mut seen = std::collections::HashSet::new();
        assert!(table.texts.iter().all(|t| seen.insert(t.clone())));
    }

    #[test]
    fn the_table_is_a_fraction_of_the_list_over_ipc() {
        let rows = list(3000);
        let list_json = serde_json::to_vec(&rows).map(|v| v.len()).unwrap_or(0);
        let table_json = serde_json::to_vec(&ProgressTable::from(rows))
            .map(|v| v.len())
            .unwrap_or(usize::MAX);
        assert!(
            table_json * 2 < list_json,
            "table {table_json} bytes, list {list_json}"
        );
    }

    #[test]
    fn a_position_outside_the_table_gives_no_rows() {
        let mut table = ProgressTable::from(list(10));
        table.who_must_act[3] = u32::try_from(table.texts.len()).unwrap_or(0);
        assert_eq!(table.rows(), None);
        let mut short = ProgressTable::from(list(10));
        short.health.pop();
        assert_eq!(short.rows(), None);
    }
}
