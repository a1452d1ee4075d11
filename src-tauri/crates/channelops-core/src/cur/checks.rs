//! The named checks of a report and its verdict. Every check that is not a pass
//! says what was seen (evidence: file, column, value) and what to do about it in
//! the AWS console (remedy).

use super::columns::{self, Columns, Schema};
use super::discover::{Candidate, Layout};
use super::manifest::{Manifest, Unreadable};
use super::model::{Check, CheckId, CheckStatus, Evidence, ReportKind, ReportResult};
use super::sample::{FileFormat, Inspection, Sample};

pub struct Context<'a> {
    pub account_id: Option<&'a str>,
    pub region: Option<&'a str>,
    pub region_known: bool,
    pub today: chrono::NaiveDate,
}

const NEW_LEGACY_CUR: &str = "In the AWS Billing and Cost Management console, open Data Exports → Create, choose \"Legacy CUR export\", tick \"Include resource IDs\" and \"Split cost allocation data\", choose Hourly and Parquet (or gzip CSV), and deliver it to an S3 bucket in us-east-1; then enter that bucket here.";

/// Judges one report from what was read of it.
pub fn judge(
    candidate: &Candidate,
    manifest_key: Option<&str>,
    manifest: Option<&Result<Manifest, Unreadable>>,
    missing: &[String],
    files: &[Inspection],
    ctx: &Context<'_>,
) -> ReportResult {
    let readable: Vec<&Inspection> = files
        .iter()
        .filter(|f| f.error.is_none() && f.columns.is_some())
        .collect();
    let first = readable.first().copied();
    let columns = first.and_then(|f| f.columns.as_ref());
    let schema = columns.map(Columns::schema);
    let parsed_manifest = manifest.and_then(|m| m.as_ref().ok());
    let mut sample = Sample::default();
    for f in &readable {
        sample.merge(&f.sample);
    }

    let kind = report_kind(candidate, files, parsed_manifest, schema.as_ref(), first);
    let checks = vec![
        legacy_cur(
            candidate,
            manifest_key,
            parsed_manifest,
            schema.as_ref(),
            first,
        ),
        format(files),
        resource_ids(columns, first),
        split_cost_allocation(columns, first),
        hourly(columns, &readable, &sample),
        readable_check(manifest_key, manifest, missing, files),
        payer_account(
            ctx,
            parsed_manifest,
            &sample,
            first,
            manifest_key.unwrap_or(&candidate.location),
        ),
        freshness(candidate, files, ctx),
        bucket_region(ctx),
    ];
    let valid = checks.iter().all(|c| c.status != CheckStatus::Fail);
    ReportResult {
        name: candidate.name.clone(),
        location: candidate.location.clone(),
        kind,
        valid,
        billing_periods: candidate
            .periods
            .keys()
            .filter(|k| !k.is_empty())
            .cloned()
            .collect(),
        checks,
    }
}

fn report_kind(
    candidate: &Candidate,
    files: &[Inspection],
    manifest: Option<&Manifest>,
    schema: Option<&Schema>,
    first: Option<&Inspection>,
) -> ReportKind {
    match schema {
        Some(Schema::Focus(_)) => return ReportKind::Focus,
        Some(Schema::Cur2(_)) => return ReportKind::Cur2,
        _ => {}
    }
    if candidate.layout == Layout::DataExports
        || manifest.and_then(Manifest::data_exports_marker).is_some()
    {
        return ReportKind::Cur2;
    }
    match (schema, first.and_then(|f| f.format)) {
        (Some(Schema::LegacySlash | Schema::LegacySnake), Some(FileFormat::Parquet)) => {
            ReportKind::LegacyParquet
        }
        (Some(Schema::LegacySlash | Schema::LegacySnake), Some(_)) => ReportKind::LegacyCsv,
        (Some(Schema::NotCur), _) => ReportKind::Unknown,
        // Nothing readable: the layout still tells a legacy report's format.
        _ => match (candidate.layout, files.first().and_then(|f| f.format)) {
            (Layout::LegacyAthena, _) | (Layout::LegacyDateRange, Some(FileFormat::Parquet)) => {
                ReportKind::LegacyParquet
            }
            (Layout::LegacyDateRange, Some(_)) => ReportKind::LegacyCsv,
            _ => ReportKind::Unknown,
        },
    }
}

fn legacy_cur(
    candidate: &Candidate,
    manifest_key: Option<&str>,
    manifest: Option<&Manifest>,
    schema: Option<&Schema>,
    first: Option<&Inspection>,
) -> Check {
    let id = CheckId::LegacyCur;
    let file_key = first
        .map(|f| f.key.clone())
        .unwrap_or_else(|| candidate.location.clone());
    match schema {
        Some(Schema::Focus(marker)) => {
            return Check::fail(
                id,
                format!(
                    "This is a FOCUS export ({marker}), not a legacy Cost and Usage Report. Only legacy CUR is supported."
                ),
                NEW_LEGACY_CUR,
                Evidence::key(file_key).with_column(marker.clone()),
            );
        }
        Some(Schema::Cur2(marker)) => {
            return Check::fail(
                id,
                format!(
                    "This is a CUR 2.0 (Data Exports) report ({marker}), not a legacy Cost and Usage Report. Only legacy CUR is supported."
                ),
                NEW_LEGACY_CUR,
                Evidence::key(file_key).with_column(marker.clone()),
            );
        }
        _ => {}
    }
    if candidate.layout == Layout::DataExports {
        let key = first
            .map(|f| f.key.clone())
            .or(manifest_key.map(str::to_owned))
            .unwrap_or_else(|| candidate.location.clone());
        return Check::fail(
            id,
            "This is a CUR 2.0 / FOCUS Data Exports layout (data/BILLING_PERIOD=… folders), not a legacy Cost and Usage Report. Only legacy CUR is supported.",
            NEW_LEGACY_CUR,
            Evidence::key(key).with_value("BILLING_PERIOD= partition"),
        );
    }
    if let Some(marker) = manifest.and_then(Manifest::data_exports_marker) {
        return Check::fail(
            id,
            format!(
                "The manifest is a Data Exports manifest (it has {marker}), not a legacy CUR manifest. Only legacy CUR is supported."
            ),
            NEW_LEGACY_CUR,
            Evidence::key(manifest_key.unwrap_or_default()).with_column(marker),
        );
    }
    match (schema, first) {
        (Some(Schema::LegacySnake), Some(f)) if f.format != Some(FileFormat::Parquet) => {
            Check::warn(
                id,
                "The CSV uses snake_case column names. AWS writes legacy CSV reports with category/Name names (lineItem/ResourceId); snake_case CSV is typical of CUR 2.0 exports or of files converted from Parquet, so this cannot be confirmed as a legacy CUR.",
                "If this file comes from a Data Exports \"Standard data export\", create a \"Legacy CUR export\" instead. If it is a converted copy of a legacy Parquet report, validate the original files.",
                Evidence::key(f.key.clone()).with_column(
                    f.columns
                        .as_ref()
                        .and_then(|c| c.raw.first().cloned())
                        .unwrap_or_default(),
                ),
            )
        }
        (Some(Schema::LegacySlash | Schema::LegacySnake), Some(f)) => Check::pass(
            id,
            format!(
                "Legacy Cost and Usage Report ({}).",
                f.format.map_or("data", FileFormat::label)
            ),
        ),
        (Some(Schema::NotCur), Some(f)) => Check::fail(
            id,
            "This file is not a Cost and Usage Report: it has none of the CUR columns (such as lineItem/UnblendedCost or identity/TimeInterval).",
            "Point the app at the bucket (or folder) your legacy CUR is delivered to, not at another file.",
            Evidence::key(f.key.clone()).with_column(
                f.columns
                    .as_ref()
                    .and_then(|c| c.raw.first().cloned())
                    .unwrap_or_default(),
            ),
        ),
        _ => Check::skipped(
            id,
            "No data file could be read, so the report type cannot be told yet.",
        ),
    }
}

fn format(files: &[Inspection]) -> Check {
    let id = CheckId::Format;
    if files.is_empty() {
        return Check::skipped(id, "No data files yet.");
    }
    if let Some(f) = files.iter().find(|f| f.format == Some(FileFormat::ZipCsv)) {
        return Check::fail(
            id,
            "The report is ZIP-compressed. Only gzip CSV and Parquet are supported.",
            "Compression cannot be changed on an existing report: in Billing and Cost Management → Data Exports, create a new legacy CUR export with compression \"GZIP\" or format \"Parquet\" (recommended), and use that one.",
            Evidence::key(f.key.clone()).with_value("ZIP"),
        );
    }
    if let Some(f) = files
        .iter()
        .find(|f| f.format == Some(FileFormat::PlainCsv))
    {
        return Check::warn(
            id,
            "The data file is uncompressed CSV. AWS delivers legacy CURs as gzip CSV or Parquet; an uncompressed file is fine for a local copy, but the report in S3 must be gzip or Parquet.",
            "Make sure the report in Data Exports uses compression \"GZIP\" or format \"Parquet\"; when copying a report for support, keep the original .csv.gz or .parquet files.",
            Evidence::key(f.key.clone()).with_value("uncompressed CSV"),
        );
    }
    let parquet = files.iter().all(|f| f.format == Some(FileFormat::Parquet));
    Check::pass(
        id,
        if parquet {
            "Parquet (recommended)."
        } else {
            "gzip-compressed CSV."
        },
    )
}

fn resource_ids(columns: Option<&Columns>, first: Option<&Inspection>) -> Check {
    let id = CheckId::ResourceIds;
    let (Some(cols), Some(f)) = (columns, first) else {
        return Check::skipped(id, "No data file could be read yet.");
    };
    match cols.spelled(columns::RESOURCE_ID) {
        Some(name) => Check::pass(id, format!("Resource IDs are included (column {name}).")),
        None => Check::fail(
            id,
            "The report does not include resource IDs: the data has no lineItem/ResourceId column.",
            "Resource IDs cannot be added to past data. In Billing and Cost Management → Data Exports, create a new legacy CUR export with \"Include resource IDs\" ticked (with split cost allocation data, hourly), and use that one.",
            Evidence::key(f.key.clone())
                .with_column("lineItem/ResourceId")
                .with_value("column absent from the file's header"),
        ),
    }
}

fn split_cost_allocation(columns: Option<&Columns>, first: Option<&Inspection>) -> Check {
    let id = CheckId::SplitCostAllocation;
    let (Some(cols), Some(f)) = (columns, first) else {
        return Check::skipped(id, "No data file could be read yet.");
    };
    let missing: Vec<String> = columns::SPLIT_REQUIRED
        .iter()
        .filter(|c| !cols.has(c))
        .map(|c| columns::split_display(c))
        .collect();
    if missing.is_empty() {
        return Check::pass(
            id,
            "Split cost allocation data is included (splitLineItem columns).",
        );
    }
    Check::fail(
        id,
        if missing.len() == columns::SPLIT_REQUIRED.len() {
            "The report does not include split cost allocation data: it has no splitLineItem columns.".to_owned()
        } else {
            format!(
                "The report lacks split cost allocation columns: {}.",
                missing.join(", ")
            )
        },
        "Turn on split cost allocation data in Billing and Cost Management → Cost management preferences, then edit the legacy CUR in Data Exports and tick \"Split cost allocation data\". New deliveries will include the splitLineItem columns.",
        Evidence::key(f.key.clone())
            .with_column(missing.join(", "))
            .with_value("columns absent from the file's header"),
    )
}

fn describe_span(secs: i64) -> String {
    match secs {
        3600 => "1 hour (hourly)".into(),
        86_400 => "24 hours (daily)".into(),
        2_419_200..=2_678_400 => format!("{} days (monthly)", secs / 86_400),
        s if s % 3600 == 0 => format!("{} hours", s / 3600),
        s => format!("{s} seconds"),
    }
}

fn hourly(columns: Option<&Columns>, files: &[&Inspection], sample: &Sample) -> Check {
    let id = CheckId::Hourly;
    let Some(cols) = columns else {
        return Check::skipped(id, "No data file could be read yet.");
    };
    const REMEDY: &str = "Time granularity cannot be changed on an existing report: in Billing and Cost Management → Data Exports, create a new legacy CUR export with time granularity \"Hourly\", and use that one.";
    if cols.has(columns::TIME_INTERVAL) {
        let column = cols
            .spelled(columns::TIME_INTERVAL)
            .unwrap_or("identity/TimeInterval")
            .to_owned();
        if sample.intervals.is_empty() {
            let (msg, value) = match &sample.interval_unparsed {
                Some(v) => (
                    "identity/TimeInterval values could not be read as time intervals, so the granularity cannot be confirmed.",
                    v.clone(),
                ),
                None => (
                    "identity/TimeInterval is empty in the sampled rows, so the granularity cannot be confirmed.",
                    String::new(),
                ),
            };
            let key = files.first().map(|f| f.key.clone()).unwrap_or_default();
            return Check::warn(
                id,
                msg,
                "Refresh after the next delivery; if it persists, check that the report is hourly in Data Exports.",
                Evidence::key(key).with_column(column).with_value(value),
            );
        }
        let total: u64 = sample.intervals.values().map(|(n, _)| n).sum();
        if sample.intervals.keys().all(|&s| s == 3600) {
            return Check::pass(
                id,
                format!("Hourly: all {total} sampled rows have 1-hour time intervals."),
            );
        }
        // The commonest non-hourly span names the report's granularity.
        let (secs, (count, example)) = sample
            .intervals
            .iter()
            .filter(|(s, _)| **s != 3600)
            .max_by_key(|(_, (n, _))| *n)
            .map(|(s, v)| (*s, v.clone()))
            .unwrap_or_default();
        let key = files
            .iter()
            .find(|f| f.sample.intervals.contains_key(&secs))
            .map(|f| f.key.clone())
            .unwrap_or_default();
        let granularity = match secs {
            86_400 => "daily",
            2_419_200..=2_678_400 => "monthly",
            _ => "not hourly",
        };
        return Check::fail(
            id,
            format!(
                "The report is {granularity}: {count} of {total} sampled rows span {} instead of 1 hour.",
                describe_span(secs)
            ),
            REMEDY,
            Evidence::key(key).with_column(column).with_value(example),
        );
    }
    // No TimeInterval: fall back to usage dates, which do not reliably tell.
    let key = files.first().map(|f| f.key.clone()).unwrap_or_default();
    let seen = if sample.usage_spans.is_empty() {
        "no usage dates could be read either".to_owned()
    } else {
        let spans: Vec<String> = sample
            .usage_spans
            .iter()
            .take(4)
            .map(|(s, (n, _))| format!("{n}× {}", describe_span(*s)))
            .collect();
        format!("usage start/end dates span {}", spans.join(", "))
    };
    let looks_hourly =
        !sample.usage_spans.is_empty() && sample.usage_spans.keys().all(|&s| s <= 3600);
    Check::warn(
        id,
        format!(
            "The data has no identity/TimeInterval column, so the granularity was judged from usage dates ({seen}); {}. Usage dates do not reliably tell the granularity (tax and some usage rows span more).",
            if looks_hourly {
                "they look hourly"
            } else {
                "they do not confirm hourly"
            }
        ),
        "Check that the report's time granularity is \"Hourly\" in Billing and Cost Management → Data Exports; files delivered by AWS always carry identity/TimeInterval.",
        Evidence::key(key)
            .with_column("identity/TimeInterval")
            .with_value("column absent; judged from lineItem/UsageStartDate and UsageEndDate"),
    )
}

fn readable_check(
    manifest_key: Option<&str>,
    manifest: Option<&Result<Manifest, Unreadable>>,
    missing: &[String],
    files: &[Inspection],
) -> Check {
    let id = CheckId::Readable;
    if let (Some(Err(Unreadable { why, remedy })), Some(key)) = (manifest, manifest_key) {
        return Check::fail(
            id,
            format!("The manifest cannot be read: {why}."),
            remedy.clone().unwrap_or_else(|| "AWS rewrites the manifest with every delivery: Refresh after the next one (up to 24 hours). If you validate a copy of the bucket, copy the manifest again.".to_owned()),
            Evidence::key(key).with_value(why.clone()),
        );
    }
    if let Some(key) = missing.first() {
        return Check::fail(
            id,
            format!(
                "{} data file(s) named by the manifest are not in the bucket, e.g. {key}.",
                missing.len()
            ),
            "AWS may still be writing this delivery: Refresh in an hour. If files stay missing, check that no lifecycle rule or other process deletes objects under the report's prefix.",
            Evidence::key(key.clone()).with_value("named in reportKeys, not found"),
        );
    }
    let bad: Vec<&Inspection> = files.iter().filter(|f| f.error.is_some()).collect();
    if let Some(f) = bad.first() {
        let why = f.error.clone().unwrap_or_default();
        return Check::fail(
            id,
            format!(
                "{} of {} data file(s) cannot be read; {}: {why}.",
                bad.len(),
                files.len(),
                f.key
            ),
            f.error_remedy.clone().unwrap_or_else(|| "The file is damaged or incomplete (for example an interrupted upload or copy). Download it again from the bucket, or wait for AWS's next delivery (up to 24 hours) and Refresh.".to_owned()),
            Evidence::key(f.key.clone()).with_value(why),
        );
    }
    if files.is_empty() {
        return Check::skipped(id, "No data files yet.");
    }
    Check::pass(
        id,
        format!("All {} data file(s) open and read correctly.", files.len()),
    )
}

fn payer_account(
    ctx: &Context<'_>,
    manifest: Option<&Manifest>,
    sample: &Sample,
    first: Option<&Inspection>,
    manifest_key: &str,
) -> Check {
    let id = CheckId::PayerAccount;
    let data_key = first.map_or(manifest_key, |f| f.key.as_str());
    let Some(expected) = ctx.account_id else {
        return Check::skipped(
            id,
            "No AWS management account ID was given to compare with.",
        );
    };
    let mut seen: Vec<(String, String, &str)> = sample
        .payers
        .iter()
        .map(|p| (p.clone(), data_key.to_owned(), "bill/PayerAccountId"))
        .collect();
    if let Some(a) = manifest.and_then(Manifest::account_id) {
        seen.push((a, manifest_key.to_owned(), "account (manifest)"));
    }
    if seen.is_empty() {
        return Check::warn(
            id,
            "The payer account could not be read from the data or the manifest.",
            "Make sure the report was created in your AWS management (payer) account.",
            Evidence::key(data_key).with_column("bill/PayerAccountId"),
        );
    }
    if let Some((other, key, column)) = seen.iter().find(|(p, _, _)| p != expected) {
        return Check::fail(
            id,
            format!(
                "This CUR belongs to payer account {other}, not to the account you entered ({expected})."
            ),
            format!(
                "Create the legacy CUR while signed in to the management (payer) account {expected} — a CUR created in a member account shows only that account's costs — or, if {other} is your management account, enter {other} instead."
            ),
            Evidence::key(key.clone())
                .with_column(*column)
                .with_value(other.clone()),
        );
    }
    Check::pass(id, format!("The payer account is {expected}, as entered."))
}

fn freshness(candidate: &Candidate, files: &[Inspection], ctx: &Context<'_>) -> Check {
    let id = CheckId::Freshness;
    let latest = candidate
        .periods
        .keys()
        .next_back()
        .cloned()
        .unwrap_or_default();
    let rows: u64 = files.iter().map(|f| f.sample.rows).sum();
    if files.is_empty() || (rows == 0 && files.iter().all(|f| f.error.is_none())) {
        return Check::warn(
            id,
            "No data has been delivered yet. The first delivery can take up to 24 hours after the report is created.",
            "Nothing to fix if you created the report in the last 24 hours: come back later and Refresh.",
            Evidence::key(candidate.location.clone()).with_value(if latest.is_empty() {
                "no data files".to_owned()
            } else {
                format!("period {latest}: no data files")
            }),
        );
    }
    if latest.is_empty() {
        return Check::pass(id, "Data is present.");
    }
    use chrono::Datelike;
    let current = ctx.today.year() * 12 + ctx.today.month0() as i32;
    let period = latest
        .split_once('-')
        .and_then(|(y, m)| Some(y.parse::<i32>().ok()? * 12 + m.parse::<i32>().ok()? - 1));
    match period {
        Some(p) if current - p > 1 => Check::warn(
            id,
            format!(
                "The latest data is for {latest}: nothing newer has been delivered. AWS updates a CUR several times a day."
            ),
            "Check in Data Exports that the report still exists, and that the bucket policy still lets billingreports.amazonaws.com write to the bucket.",
            Evidence::key(candidate.location.clone()).with_value(latest),
        ),
        _ => Check::pass(
            id,
            format!("Data is delivered: the latest billing period is {latest}."),
        ),
    }
}

fn bucket_region(ctx: &Context<'_>) -> Check {
    let id = CheckId::BucketRegion;
    match ctx.region {
        Some("us-east-1") => Check::pass(id, "The bucket is in us-east-1."),
        Some(other) => Check::fail(
            id,
            format!(
                "The bucket is in {other}; legacy CURs must be delivered to a bucket in us-east-1 (US East, N. Virginia)."
            ),
            "Create an S3 bucket in us-east-1, then in Data Exports edit the legacy CUR (or create a new one) to deliver to it, and enter that bucket here.",
            Evidence::default().with_value(other.to_owned()),
        ),
        None if !ctx.region_known => Check::skipped(
            id,
            "A local copy: the bucket's region is not known (give --region to check it).",
        ),
        None => Check::skipped(id, "The bucket's region could not be determined."),
    }
}
