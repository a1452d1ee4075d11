//! The named checks of a report and its verdict. Every check that is not a pass
//! says what was seen (evidence: file, column, value) and what to do about it in
//! the AWS console (remedy).

use super::columns::{self, Columns, Schema};
use super::discover::{Candidate, Layout};
use super::manifest::{Manifest, Unreadable};
use super::model::{Check, CheckId, CheckStatus, Evidence, ReportKind, ReportResult};
use super::sample::{FileFormat, Inspection, Sample};
use crate::text;
use crate::text::Text;

pub struct Context<'a> {
    pub account_id: Option<&'a str>,
    pub region: Option<&'a str>,
    pub region_known: bool,
    pub today: chrono::NaiveDate,
}

/// How to make the right report, the remedy of every "not a legacy CUR".
fn new_legacy_cur() -> Text {
    text!("remedy-new-legacy-cur")
}

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
                text!("check-legacy-focus", marker = marker),
                new_legacy_cur(),
                Evidence::key(file_key).with_column(marker.clone()),
            );
        }
        Some(Schema::Cur2(marker)) => {
            return Check::fail(
                id,
                text!("check-legacy-cur2", marker = marker),
                new_legacy_cur(),
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
            text!("check-legacy-data-exports-layout"),
            new_legacy_cur(),
            Evidence::key(key).with_value("BILLING_PERIOD="),
        );
    }
    if let Some(marker) = manifest.and_then(Manifest::data_exports_marker) {
        return Check::fail(
            id,
            text!("check-legacy-data-exports-manifest", marker = marker),
            new_legacy_cur(),
            Evidence::key(manifest_key.unwrap_or_default()).with_column(marker),
        );
    }
    match (schema, first) {
        (Some(Schema::LegacySnake), Some(f)) if f.format != Some(FileFormat::Parquet) => {
            Check::warn(
                id,
                text!("check-legacy-snake-csv"),
                text!("remedy-legacy-snake-csv"),
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
            text!(
                "check-legacy-pass",
                format = f.format.map_or("data", FileFormat::key)
            ),
        ),
        (Some(Schema::NotCur), Some(f)) => Check::fail(
            id,
            text!("check-legacy-not-cur"),
            text!("remedy-legacy-not-cur"),
            Evidence::key(f.key.clone()).with_column(
                f.columns
                    .as_ref()
                    .and_then(|c| c.raw.first().cloned())
                    .unwrap_or_default(),
            ),
        ),
        _ => Check::skipped(id, text!("check-legacy-unknown")),
    }
}

fn format(files: &[Inspection]) -> Check {
    let id = CheckId::Format;
    if files.is_empty() {
        return Check::skipped(id, text!("check-no-data-files"));
    }
    if let Some(f) = files.iter().find(|f| f.format == Some(FileFormat::ZipCsv)) {
        return Check::fail(
            id,
            text!("check-format-zip"),
            text!("remedy-format-zip"),
            Evidence::key(f.key.clone()).with_value("ZIP"),
        );
    }
    if let Some(f) = files
        .iter()
        .find(|f| f.format == Some(FileFormat::PlainCsv))
    {
        return Check::warn(
            id,
            text!("check-format-plain"),
            text!("remedy-format-plain"),
            Evidence::key(f.key.clone()).with_note(text!("evidence-uncompressed")),
        );
    }
    let parquet = files.iter().all(|f| f.format == Some(FileFormat::Parquet));
    Check::pass(
        id,
        if parquet {
            text!("check-format-parquet")
        } else {
            text!("check-format-gzip")
        },
    )
}

fn resource_ids(columns: Option<&Columns>, first: Option<&Inspection>) -> Check {
    let id = CheckId::ResourceIds;
    let (Some(cols), Some(f)) = (columns, first) else {
        return Check::skipped(id, text!("check-no-readable-file"));
    };
    match cols.spelled(columns::RESOURCE_ID) {
        Some(name) => Check::pass(id, text!("check-resource-ids-pass", column = name)),
        None => Check::fail(
            id,
            text!("check-resource-ids-fail"),
            text!("remedy-resource-ids"),
            Evidence::key(f.key.clone())
                .with_column("lineItem/ResourceId")
                .with_note(text!("evidence-column-absent")),
        ),
    }
}

fn split_cost_allocation(columns: Option<&Columns>, first: Option<&Inspection>) -> Check {
    let id = CheckId::SplitCostAllocation;
    let (Some(cols), Some(f)) = (columns, first) else {
        return Check::skipped(id, text!("check-no-readable-file"));
    };
    let missing: Vec<String> = columns::SPLIT_REQUIRED
        .iter()
        .filter(|c| !cols.has(c))
        .map(|c| columns::split_display(c))
        .collect();
    if missing.is_empty() {
        return Check::pass(id, text!("check-split-pass"));
    }
    Check::fail(
        id,
        if missing.len() == columns::SPLIT_REQUIRED.len() {
            text!("check-split-none")
        } else {
            text!("check-split-partial", columns = missing.join(", "))
        },
        text!("remedy-split"),
        Evidence::key(f.key.clone())
            .with_column(missing.join(", "))
            .with_note(text!("evidence-columns-absent")),
    )
}

/// A time span as the catalog words it: its kind (`hourly`, `daily`, `monthly`,
/// `hours`, `seconds`) and the number that goes with it.
fn span(secs: i64) -> (&'static str, i64) {
    match secs {
        3600 => ("hourly", 1),
        86_400 => ("daily", 24),
        2_419_200..=2_678_400 => ("monthly", secs / 86_400),
        s if s % 3600 == 0 => ("hours", s / 3600),
        s => ("seconds", s),
    }
}

/// A span in a list of spans, in a form every language reads: `3× 24 h`.
fn span_short(secs: i64) -> String {
    match secs {
        s if s % 86_400 == 0 => format!("{} d", s / 86_400),
        s if s % 3600 == 0 => format!("{} h", s / 3600),
        s => format!("{s} s"),
    }
}

fn hourly(columns: Option<&Columns>, files: &[&Inspection], sample: &Sample) -> Check {
    let id = CheckId::Hourly;
    let Some(cols) = columns else {
        return Check::skipped(id, text!("check-no-readable-file"));
    };
    if cols.has(columns::TIME_INTERVAL) {
        let column = cols
            .spelled(columns::TIME_INTERVAL)
            .unwrap_or("identity/TimeInterval")
            .to_owned();
        if sample.intervals.is_empty() {
            let (msg, value) = match &sample.interval_unparsed {
                Some(v) => (text!("check-hourly-unparsed"), v.clone()),
                None => (text!("check-hourly-empty"), String::new()),
            };
            let key = files.first().map(|f| f.key.clone()).unwrap_or_default();
            return Check::warn(
                id,
                msg,
                text!("remedy-hourly-refresh"),
                Evidence::key(key).with_column(column).with_value(value),
            );
        }
        let total: u64 = sample.intervals.values().map(|(n, _)| n).sum();
        if sample.intervals.keys().all(|&s| s == 3600) {
            return Check::pass(id, text!("check-hourly-pass", total = total));
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
        let (kind, n) = span(secs);
        return Check::fail(
            id,
            text!(
                "check-hourly-fail",
                span = kind,
                n = n,
                count = count,
                total = total
            ),
            text!("remedy-hourly"),
            Evidence::key(key).with_column(column).with_value(example),
        );
    }
    // No TimeInterval: fall back to usage dates, which do not reliably tell.
    let key = files.first().map(|f| f.key.clone()).unwrap_or_default();
    let spans = if sample.usage_spans.is_empty() {
        "none".to_owned()
    } else {
        let spans: Vec<String> = sample
            .usage_spans
            .iter()
            .take(4)
            .map(|(s, (n, _))| format!("{n}× {}", span_short(*s)))
            .collect();
        spans.join(", ")
    };
    let looks_hourly =
        !sample.usage_spans.is_empty() && sample.usage_spans.keys().all(|&s| s <= 3600);
    Check::warn(
        id,
        text!(
            "check-hourly-no-interval",
            spans = spans,
            looks = if looks_hourly { "hourly" } else { "unsure" }
        ),
        text!("remedy-hourly-no-interval"),
        Evidence::key(key)
            .with_column("identity/TimeInterval")
            .with_note(text!("evidence-no-interval")),
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
            text!("check-readable-manifest", why = why),
            remedy
                .clone()
                .unwrap_or_else(|| text!("remedy-readable-manifest")),
            Evidence::key(key).with_note(why.clone()),
        );
    }
    if let Some(key) = missing.first() {
        return Check::fail(
            id,
            text!("check-readable-missing", count = missing.len(), key = key),
            text!("remedy-readable-missing"),
            Evidence::key(key.clone()).with_note(text!("evidence-not-found")),
        );
    }
    let bad: Vec<&Inspection> = files.iter().filter(|f| f.error.is_some()).collect();
    if let Some(f) = bad.first() {
        let why = f
            .error
            .clone()
            .unwrap_or_else(|| text!("decode-unreadable", detail = ""));
        return Check::fail(
            id,
            text!(
                "check-readable-bad",
                bad = bad.len(),
                total = files.len(),
                key = &f.key,
                why = why.clone()
            ),
            f.error_remedy
                .clone()
                .unwrap_or_else(|| text!("remedy-readable-damaged")),
            Evidence::key(f.key.clone()).with_note(why),
        );
    }
    if files.is_empty() {
        return Check::skipped(id, text!("check-no-data-files"));
    }
    Check::pass(id, text!("check-readable-pass", count = files.len()))
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
        return Check::skipped(id, text!("check-payer-no-id"));
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
            text!("check-payer-unknown"),
            text!("remedy-payer-unknown"),
            Evidence::key(data_key).with_column("bill/PayerAccountId"),
        );
    }
    if let Some((other, key, column)) = seen.iter().find(|(p, _, _)| p != expected) {
        return Check::fail(
            id,
            text!("check-payer-other", other = other, expected = expected),
            text!("remedy-payer-other", other = other, expected = expected),
            Evidence::key(key.clone())
                .with_column(*column)
                .with_value(other.clone()),
        );
    }
    Check::pass(id, text!("check-payer-pass", expected = expected))
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
            text!("check-fresh-none"),
            text!("remedy-fresh-none"),
            if latest.is_empty() {
                Evidence::key(candidate.location.clone())
            } else {
                Evidence::key(candidate.location.clone()).with_value(latest.clone())
            }
            .with_note(text!("evidence-no-data-files")),
        );
    }
    if latest.is_empty() {
        return Check::pass(id, text!("check-fresh-present"));
    }
    use chrono::Datelike;
    let current = ctx.today.year() * 12 + ctx.today.month0() as i32;
    let period = latest
        .split_once('-')
        .and_then(|(y, m)| Some(y.parse::<i32>().ok()? * 12 + m.parse::<i32>().ok()? - 1));
    match period {
        Some(p) if current - p > 1 => Check::warn(
            id,
            text!("check-fresh-stale", latest = &latest),
            text!("remedy-fresh-stale"),
            Evidence::key(candidate.location.clone()).with_value(latest),
        ),
        _ => Check::pass(id, text!("check-fresh-pass", latest = latest)),
    }
}

fn bucket_region(ctx: &Context<'_>) -> Check {
    let id = CheckId::BucketRegion;
    match ctx.region {
        Some("us-east-1") => Check::pass(id, text!("check-region-pass")),
        Some(other) => Check::fail(
            id,
            text!("check-region-other", region = other),
            text!("remedy-region"),
            Evidence::default().with_value(other.to_owned()),
        ),
        None if !ctx.region_known => Check::skipped(id, text!("check-region-local")),
        None => Check::skipped(id, text!("check-region-unknown")),
    }
}
