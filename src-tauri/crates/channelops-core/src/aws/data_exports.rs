//! Data Exports (`bcm-data-exports:ListExports` / `GetExport`, us-east-1): the
//! CUR 2.0 and FOCUS exports of the account, named as such with the steps to make
//! a legacy CUR instead — the most common wrong choice in the Billing console.

use crate::text;
use crate::text::Text;
use serde::{Deserialize, Serialize};

use super::Aws;
use super::errors::{Unanswered, unanswered};
use crate::error::CoreError;

/// Exports read at most (list pages and `GetExport` calls): a bound on the answer.
const MAX_PAGES: usize = 20;
const MAX_DESCRIBED: usize = 50;

/// What an export's query reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ExportTable {
    /// `COST_AND_USAGE_REPORT`: CUR 2.0.
    Cur2,
    /// `FOCUS_1_0_AWS` and later FOCUS tables.
    Focus,
    /// Any other table (carbon emissions, recommendations), or not known.
    Other,
}

/// One Data Exports export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DataExport {
    pub name: String,
    pub arn: String,
    pub table: ExportTable,
    /// The table as the query names it (`COST_AND_USAGE_REPORT`), when known.
    pub table_name: Option<String>,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    /// HEALTHY or UNHEALTHY, and AWS's reason (INSUFFICIENT_PERMISSION, BILL_OWNER_CHANGED…).
    pub status: Option<String>,
    pub status_reason: Option<String>,
    /// What it is, in one sentence.
    pub message: Text,
    /// What to do instead.
    pub remedy: Text,
}

/// The table an export's SQL reads (`… FROM COST_AND_USAGE_REPORT …`).
pub fn table_of(query: &str) -> (ExportTable, Option<String>) {
    let upper = query.to_ascii_uppercase();
    let name = upper
        .split_whitespace()
        .skip_while(|w| *w != "FROM")
        .nth(1)
        .map(|t| {
            t.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .to_owned()
        });
    let table = match name.as_deref() {
        Some("COST_AND_USAGE_REPORT") => ExportTable::Cur2,
        Some(t) if t.starts_with("FOCUS") => ExportTable::Focus,
        _ => ExportTable::Other,
    };
    (table, name)
}

fn described(mut e: DataExport) -> DataExport {
    let what = match e.table {
        ExportTable::Cur2 => "cur2",
        ExportTable::Focus => "focus",
        ExportTable::Other => "other",
    };
    // Where it delivers, or "none" (the catalog then says nothing of it).
    let place = match (&e.bucket, &e.prefix) {
        (Some(b), Some(p)) if !p.is_empty() => format!("s3://{b}/{p}/"),
        (Some(b), _) => format!("s3://{b}/"),
        _ => "none".to_owned(),
    };
    let denied = e.status_reason.as_deref() == Some("INSUFFICIENT_PERMISSION");
    e.message = text!(
        "export-not-legacy",
        name = &e.name,
        what = what,
        place = place,
        denied = if denied { "yes" } else { "no" }
    );
    e.remedy = text!("export-make-legacy");
    e
}

/// The account's exports, or why AWS did not say.
pub async fn list(aws: &Aws) -> Result<Result<Vec<DataExport>, Unanswered>, CoreError> {
    list_with(aws, &aws.data_exports()).await
}

/// [`list`] over a given client (tests put a mocked one in).
pub async fn list_with(
    aws: &Aws,
    client: &aws_sdk_bcmdataexports::Client,
) -> Result<Result<Vec<DataExport>, Unanswered>, CoreError> {
    let mut refs = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let page = match client
            .list_exports()
            .set_next_token(token.take())
            .send()
            .await
        {
            Ok(p) => p,
            Err(e) => return unanswered(aws, "bcm-data-exports:ListExports", &e).map(Err),
        };
        refs.extend(page.exports().iter().map(|r| {
            DataExport {
                name: r.export_name().to_owned(),
                arn: r.export_arn().to_owned(),
                table: ExportTable::Other,
                table_name: None,
                bucket: None,
                prefix: None,
                status: r
                    .export_status()
                    .and_then(|s| s.status_code())
                    .map(|c| c.as_str().to_owned()),
                status_reason: r
                    .export_status()
                    .and_then(|s| s.status_reason())
                    .map(|c| c.as_str().to_owned()),
                message: Text::raw(""),
                remedy: Text::raw(""),
            }
        }));
        match page.next_token() {
            Some(t) if !t.is_empty() && refs.len() < MAX_DESCRIBED => token = Some(t.to_owned()),
            _ => break,
        }
    }
    refs.truncate(MAX_DESCRIBED);
    // The table is in the export's query: one GetExport each (a denied or failed
    // GetExport leaves the export named, its table unknown).
    for e in &mut refs {
        let Ok(out) = client.get_export().export_arn(&e.arn).send().await else {
            continue;
        };
        let Some(x) = out.export() else { continue };
        if let Some(q) = x.data_query() {
            (e.table, e.table_name) = table_of(q.query_statement());
        }
        if let Some(s3) = x
            .destination_configurations()
            .and_then(|d| d.s3_destination())
        {
            e.bucket = Some(s3.s3_bucket().to_owned());
            e.prefix = Some(s3.s3_prefix().trim_matches('/').to_owned());
        }
    }
    Ok(Ok(refs.into_iter().map(described).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_read_from_the_query() {
        assert_eq!(
            table_of("SELECT bill_bill_type, line_item_unblended_cost FROM COST_AND_USAGE_REPORT")
                .0,
            ExportTable::Cur2
        );
        assert_eq!(
            table_of("select BilledCost from focus_1_0_aws").0,
            ExportTable::Focus
        );
        assert_eq!(
            table_of("SELECT * FROM CARBON_EMISSIONS"),
            (ExportTable::Other, Some("CARBON_EMISSIONS".into()))
        );
        assert_eq!(table_of("").0, ExportTable::Other);
    }
}
