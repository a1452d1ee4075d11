//! Column names: legacy CSV uses `category/Name`, legacy Parquet (and CUR 2.0) use
//! snake_case. Every lookup goes through [`canonical`], AWS's Parquet naming rule,
//! so both spellings of a column compare equal.

use std::collections::HashSet;

/// AWS's Parquet column naming rule: `_` before each capital, lowercase, every
/// non-alphanumeric becomes `_`, repeated `_` collapse, leading/trailing `_` trimmed.
/// `lineItem/ResourceId` → `line_item_resource_id`;
/// `reservation/ReservationARN` → `reservation_reservation_a_r_n`.
pub fn canonical(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for ch in name.chars() {
        if ch.is_ascii_uppercase() {
            out.push('_');
            out.push(ch.to_ascii_lowercase());
        } else if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else {
            out.push('_');
        }
    }
    let mut collapsed = String::with_capacity(out.len());
    for ch in out.chars() {
        if ch == '_' && collapsed.ends_with('_') {
            continue;
        }
        collapsed.push(ch);
    }
    collapsed.trim_matches('_').to_owned()
}

pub const RESOURCE_ID: &str = "line_item_resource_id";
pub const TIME_INTERVAL: &str = "identity_time_interval";
pub const USAGE_START: &str = "line_item_usage_start_date";
pub const USAGE_END: &str = "line_item_usage_end_date";
pub const PAYER_ACCOUNT: &str = "bill_payer_account_id";

/// The split cost allocation columns every such report has (the Net* ones appear
/// only with discounts, ParentResourceId only with resource IDs).
pub const SPLIT_REQUIRED: [&str; 5] = [
    "split_line_item_split_cost",
    "split_line_item_split_usage",
    "split_line_item_unused_cost",
    "split_line_item_reserved_usage",
    "split_line_item_actual_usage",
];

/// Legacy display name of a canonical split column, for messages.
pub fn split_display(canonical: &str) -> String {
    match canonical {
        "split_line_item_split_cost" => "splitLineItem/SplitCost",
        "split_line_item_split_usage" => "splitLineItem/SplitUsage",
        "split_line_item_unused_cost" => "splitLineItem/UnusedCost",
        "split_line_item_reserved_usage" => "splitLineItem/ReservedUsage",
        "split_line_item_actual_usage" => "splitLineItem/ActualUsage",
        other => other,
    }
    .to_owned()
}

/// The columns of one data file, as its own header or schema says.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    /// Names exactly as in the file.
    pub raw: Vec<String>,
    canon: HashSet<String>,
    /// Top-level columns of a map type (Parquet), e.g. CUR 2.0's `product`.
    pub map_typed: Vec<String>,
}

/// What the column set says about the export's schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schema {
    /// `category/Name` names: a legacy CUR written as CSV.
    LegacySlash,
    /// snake_case without CUR 2.0 markers: legacy Parquet (or a CSV made from it).
    LegacySnake,
    /// CUR 2.0 (Data Exports); the marker that told.
    Cur2(String),
    /// FOCUS; the marker that told.
    Focus(String),
    /// Nothing that looks like a cost report.
    NotCur,
}

impl Columns {
    pub fn new(raw: Vec<String>, map_typed: Vec<String>) -> Self {
        let canon = raw.iter().map(|n| canonical(n)).collect();
        Columns {
            raw,
            canon,
            map_typed,
        }
    }

    pub fn has(&self, canonical_name: &str) -> bool {
        self.canon.contains(canonical_name)
    }

    /// The name as spelled in the file for a canonical name.
    pub fn spelled(&self, canonical_name: &str) -> Option<&str> {
        self.raw
            .iter()
            .find(|n| canonical(n) == canonical_name)
            .map(String::as_str)
    }

    pub fn schema(&self) -> Schema {
        let has_raw = |n: &str| self.raw.iter().any(|r| r == n);
        if has_raw("BilledCost") && has_raw("ChargePeriodStart") {
            return Schema::Focus("columns BilledCost and ChargePeriodStart".into());
        }
        if let Some(x) = self.raw.iter().find(|r| r.starts_with("x_")) {
            return Schema::Focus(format!("column {x}"));
        }
        for marker in ["bill_payer_account_name", "line_item_usage_account_name"] {
            if self.raw.iter().any(|r| r == marker) {
                return Schema::Cur2(format!("column {marker}"));
            }
        }
        if let Some(m) = self.map_typed.iter().find(|m| {
            matches!(
                m.as_str(),
                "product" | "resource_tags" | "cost_category" | "discount"
            )
        }) {
            return Schema::Cur2(format!("map-typed column {m}"));
        }
        if let Some(c) = self
            .raw
            .iter()
            .find(|r| r.starts_with("capacity_reservation_"))
        {
            return Schema::Cur2(format!("column {c}"));
        }
        let slash = self.raw.iter().filter(|r| r.contains('/')).count();
        let cost_like = self.has("line_item_unblended_cost")
            || self.has("line_item_usage_start_date")
            || self.has(TIME_INTERVAL)
            || self.has("line_item_line_item_type");
        if !cost_like {
            return Schema::NotCur;
        }
        if slash * 2 >= self.raw.len() {
            Schema::LegacySlash
        } else {
            // CUR 2.0 CSV exports keep the product and tag maps as plain columns.
            for marker in ["product", "resource_tags"] {
                if self.raw.iter().any(|r| r == marker) {
                    return Schema::Cur2(format!("column {marker} (a CUR 2.0 map column)"));
                }
            }
            Schema::LegacySnake
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_follows_the_aws_parquet_rule() {
        assert_eq!(canonical("lineItem/ResourceId"), "line_item_resource_id");
        assert_eq!(canonical("identity/TimeInterval"), "identity_time_interval");
        assert_eq!(
            canonical("reservation/ReservationARN"),
            "reservation_reservation_a_r_n"
        );
        assert_eq!(
            canonical("resourceTags/user:cost-center"),
            "resource_tags_user_cost_center"
        );
        assert_eq!(
            canonical("splitLineItem/SplitCost"),
            "split_line_item_split_cost"
        );
        assert_eq!(canonical("line_item_resource_id"), "line_item_resource_id");
    }

    fn cols(names: &[&str]) -> Columns {
        Columns::new(names.iter().map(|s| s.to_string()).collect(), vec![])
    }

    #[test]
    fn schema_markers() {
        assert_eq!(
            cols(&["identity/TimeInterval", "lineItem/UnblendedCost"]).schema(),
            Schema::LegacySlash
        );
        assert_eq!(
            cols(&["identity_time_interval", "line_item_unblended_cost"]).schema(),
            Schema::LegacySnake
        );
        assert!(matches!(
            cols(&["bill_payer_account_name", "line_item_unblended_cost"]).schema(),
            Schema::Cur2(_)
        ));
        assert!(matches!(
            cols(&["BilledCost", "ChargePeriodStart"]).schema(),
            Schema::Focus(_)
        ));
        assert!(matches!(
            cols(&["x_ServiceCode", "Foo"]).schema(),
            Schema::Focus(_)
        ));
        assert_eq!(cols(&["name", "age"]).schema(), Schema::NotCur);
        let map = Columns::new(
            vec!["line_item_unblended_cost".into(), "product".into()],
            vec!["product".into()],
        );
        assert!(matches!(map.schema(), Schema::Cur2(m) if m.contains("map-typed")));
    }
}
