//! Generates CUR files and whole bucket layouts — every legacy layout, valid and
//! invalid, plus CUR 2.0 and FOCUS exports — for tests, the benchmark and
//! `channelops fixtures`. Deterministic: the same spec gives the same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::{ConvertedType, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::{Type, TypePtr};

use crate::error::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Hourly,
    Daily,
    Monthly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Legacy CUR: `category/Name` in CSV, snake_case in Parquet.
    Legacy,
    /// CUR 2.0 (Data Exports): snake_case with `bill_payer_account_name` and map columns.
    Cur2,
    /// FOCUS 1.0 as exported by AWS (PascalCase, `x_*`).
    Focus,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct CurSpec {
    pub style: Style,
    pub granularity: Granularity,
    pub resource_ids: bool,
    pub split: bool,
    pub rows: usize,
    pub payer: String,
    pub year: i32,
    pub month: u32,
    /// Number of `resourceTags/user:*` columns.
    pub tags: usize,
    pub seed: u64,
}

impl Default for CurSpec {
    fn default() -> Self {
        CurSpec {
            style: Style::Legacy,
            granularity: Granularity::Hourly,
            resource_ids: true,
            split: true,
            rows: 200,
            payer: "111122223333".into(),
            year: 2026,
            month: 10,
            tags: 4,
            seed: 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    F64,
    Ts,
}

/// Column names in legacy form, with their value kind.
fn column_defs(spec: &CurSpec) -> Vec<(String, Kind)> {
    use Kind::*;
    if spec.style == Style::Focus {
        return [
            ("BilledCost", F64),
            ("BillingAccountId", Str),
            ("BillingCurrency", Str),
            ("BillingPeriodStart", Ts),
            ("ChargeCategory", Str),
            ("ChargePeriodStart", Ts),
            ("ChargePeriodEnd", Ts),
            ("EffectiveCost", F64),
            ("ResourceId", Str),
            ("ServiceName", Str),
            ("RegionId", Str),
            ("SubAccountId", Str),
            ("x_ServiceCode", Str),
            ("x_UsageType", Str),
            ("x_Operation", Str),
        ]
        .iter()
        .map(|(n, k)| ((*n).to_owned(), *k))
        .collect();
    }
    let mut cols: Vec<(&str, Kind)> = vec![
        ("identity/LineItemId", Str),
        ("identity/TimeInterval", Str),
        ("bill/InvoiceId", Str),
        ("bill/BillingEntity", Str),
        ("bill/BillType", Str),
        ("bill/PayerAccountId", Str),
        ("bill/BillingPeriodStartDate", Ts),
        ("bill/BillingPeriodEndDate", Ts),
        ("lineItem/UsageAccountId", Str),
        ("lineItem/LineItemType", Str),
        ("lineItem/UsageStartDate", Ts),
        ("lineItem/UsageEndDate", Ts),
        ("lineItem/ProductCode", Str),
        ("lineItem/UsageType", Str),
        ("lineItem/Operation", Str),
        ("lineItem/AvailabilityZone", Str),
    ];
    if spec.resource_ids {
        cols.push(("lineItem/ResourceId", Str));
    }
    cols.extend([
        ("lineItem/UsageAmount", F64),
        ("lineItem/CurrencyCode", Str),
        ("lineItem/UnblendedRate", F64),
        ("lineItem/UnblendedCost", F64),
        ("lineItem/BlendedRate", F64),
        ("lineItem/BlendedCost", F64),
        ("lineItem/LineItemDescription", Str),
        ("product/ProductName", Str),
        ("product/region", Str),
        ("product/instanceType", Str),
        ("pricing/term", Str),
        ("pricing/unit", Str),
        ("pricing/publicOnDemandCost", F64),
        ("reservation/ReservationARN", Str),
        ("savingsPlan/SavingsPlanARN", Str),
    ]);
    if spec.split {
        cols.extend([
            ("splitLineItem/ActualUsage", F64),
            ("splitLineItem/ParentResourceId", Str),
            ("splitLineItem/PublicOnDemandSplitCost", F64),
            ("splitLineItem/PublicOnDemandUnusedCost", F64),
            ("splitLineItem/ReservedUsage", F64),
            ("splitLineItem/SplitCost", F64),
            ("splitLineItem/SplitUsage", F64),
            ("splitLineItem/SplitUsageRatio", F64),
            ("splitLineItem/UnusedCost", F64),
        ]);
    }
    let mut out: Vec<(String, Kind)> = cols.into_iter().map(|(n, k)| (n.to_owned(), k)).collect();
    for t in 0..spec.tags {
        out.push((format!("resourceTags/user:tag-{t}"), Str));
    }
    if spec.style == Style::Cur2 {
        out.push(("bill/PayerAccountName".into(), Str));
        out.push(("lineItem/UsageAccountName".into(), Str));
    }
    out
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    chrono::NaiveDate::from_ymd_opt(next.0, next.1, 1)
        .and_then(|d| d.pred_opt())
        .map_or(30, |d| chrono::Datelike::day(&d))
}

fn month_start_millis(year: i32, month: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(0, |t| t.and_utc().timestamp_millis())
}

/// Start (epoch ms) and length (ms) of a month.
fn month_bounds(year: i32, month: u32) -> (i64, i64) {
    (
        month_start_millis(year, month),
        i64::from(days_in_month(year, month)) * 86_400_000,
    )
}

fn iso(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

enum Value {
    Str(String),
    F64(f64),
    Ts(i64),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::F64(v) => format!("{v:.10}"),
            Value::Ts(ms) => iso(*ms),
        }
    }
}

const SERVICES: [(&str, &str, &str); 4] = [
    ("AmazonEC2", "BoxUsage:m5.large", "RunInstances"),
    ("AmazonS3", "TimedStorage-ByteHrs", "StandardStorage"),
    ("AmazonRDS", "InstanceUsage:db.r5.large", "CreateDBInstance"),
    ("AWSLambda", "Lambda-GB-Second", "Invoke"),
];

/// The value of column `name` in row `row` (rows are spread evenly over the month).
fn value(spec: &CurSpec, name: &str, kind: Kind, row: usize) -> Value {
    let h = splitmix(spec.seed ^ (row as u64).wrapping_mul(0x1000_0001));
    let (start, month_ms) = month_bounds(spec.year, spec.month);
    let (span, slots) = match spec.granularity {
        Granularity::Hourly => (3_600_000, month_ms / 3_600_000),
        Granularity::Daily => (86_400_000, month_ms / 86_400_000),
        Granularity::Monthly => (month_ms, 1),
    };
    let slot = (row as i64 * slots / spec.rows.max(1) as i64).min(slots - 1);
    let t0 = start + slot * span;
    let t1 = t0 + span;
    let (service, usage, op) = SERVICES[(h % 4) as usize];
    let amount = (h % 10_000) as f64 / 100.0;
    let resource = format!("i-{:016x}", splitmix(h % 5000));
    match (name, kind) {
        ("identity/LineItemId", _) => Value::Str(format!(
            "{:016x}{:016x}{:04x}",
            h,
            splitmix(h),
            row % 65_536
        )),
        ("identity/TimeInterval", _) => Value::Str(format!("{}/{}", iso(t0), iso(t1))),
        ("bill/InvoiceId", _) => Value::Str(format!("{}", 100_000_000 + spec.month)),
        ("bill/BillingEntity", _) => Value::Str("AWS".into()),
        ("bill/BillType", _) => Value::Str("Anniversary".into()),
        ("bill/PayerAccountId", _) | ("BillingAccountId", _) => Value::Str(spec.payer.clone()),
        ("bill/BillingPeriodStartDate", _) | ("BillingPeriodStart", _) => Value::Ts(start),
        ("bill/BillingPeriodEndDate", _) => Value::Ts(start + month_ms),
        ("lineItem/UsageAccountId", _) | ("SubAccountId", _) => {
            Value::Str(format!("{:012}", 200_000_000_000 + h % 7))
        }
        ("lineItem/LineItemType", _) | ("ChargeCategory", _) => Value::Str("Usage".into()),
        ("lineItem/UsageStartDate", _) | ("ChargePeriodStart", _) => Value::Ts(t0),
        ("lineItem/UsageEndDate", _) | ("ChargePeriodEnd", _) => Value::Ts(t1),
        ("lineItem/ProductCode", _) | ("x_ServiceCode", _) | ("ServiceName", _) => {
            Value::Str(service.into())
        }
        ("lineItem/UsageType", _) | ("x_UsageType", _) => Value::Str(usage.into()),
        ("lineItem/Operation", _) | ("x_Operation", _) => Value::Str(op.into()),
        ("lineItem/AvailabilityZone", _) => {
            Value::Str(["us-east-1a", "us-east-1b", "eu-west-1a"][(h % 3) as usize].into())
        }
        ("lineItem/ResourceId", _) | ("ResourceId", _) | ("splitLineItem/ParentResourceId", _) => {
            Value::Str(resource)
        }
        ("lineItem/CurrencyCode", _) | ("BillingCurrency", _) => Value::Str("USD".into()),
        ("lineItem/LineItemDescription", _) => {
            Value::Str(format!("${:.3} per {usage} hour", amount / 10.0))
        }
        ("product/ProductName", _)
        | ("bill/PayerAccountName", _)
        | ("lineItem/UsageAccountName", _) => Value::Str(format!("{service} product")),
        ("product/region", _) | ("RegionId", _) => Value::Str("us-east-1".into()),
        ("product/instanceType", _) => {
            Value::Str(["m5.large", "t3.micro", ""][(h % 3) as usize].into())
        }
        ("pricing/term", _) => Value::Str("OnDemand".into()),
        ("pricing/unit", _) => Value::Str("Hrs".into()),
        ("reservation/ReservationARN", _) | ("savingsPlan/SavingsPlanARN", _) => {
            Value::Str(String::new())
        }
        (n, _) if n.starts_with("resourceTags/") => Value::Str(format!("team-{}", (h >> 8) % 20)),
        (_, Kind::F64) => Value::F64(amount * ((h >> 16) % 7 + 1) as f64 / 3.0),
        (_, Kind::Ts) => Value::Ts(t0),
        (_, Kind::Str) => Value::Str(String::new()),
    }
}

fn header_names(spec: &CurSpec, parquet: bool) -> Vec<String> {
    column_defs(spec)
        .into_iter()
        .map(|(n, _)| match spec.style {
            Style::Focus => n,
            Style::Cur2 => super::columns::canonical(&n),
            Style::Legacy if parquet => super::columns::canonical(&n),
            Style::Legacy => n,
        })
        .collect()
}

/// Writes the report as CSV (header + `spec.rows` rows).
pub fn write_csv<W: Write>(out: W, spec: &CurSpec) -> Result<(), CoreError> {
    let defs = column_defs(spec);
    let mut w = csv::Writer::from_writer(out);
    let mut header = header_names(spec, false);
    if spec.style == Style::Cur2 {
        header.push("product".into());
    }
    w.write_record(&header).map_err(csv_err)?;
    for row in 0..spec.rows {
        let mut rec: Vec<String> = defs
            .iter()
            .map(|(n, k)| value(spec, n, *k, row).text())
            .collect();
        if spec.style == Style::Cur2 {
            rec.push(r#"{"product_name":"Amazon Elastic Compute Cloud"}"#.into());
        }
        w.write_record(&rec).map_err(csv_err)?;
    }
    w.flush()
        .map_err(|e| CoreError::io("write", "CSV fixture", e))
}

fn csv_err(e: csv::Error) -> CoreError {
    CoreError::io("write", "CSV fixture", std::io::Error::other(e.to_string()))
}

fn pq_err(e: parquet::errors::ParquetError) -> CoreError {
    CoreError::io(
        "write",
        "Parquet fixture",
        std::io::Error::other(e.to_string()),
    )
}

fn leaf(name: &str, kind: Kind) -> Result<TypePtr, CoreError> {
    let b = match kind {
        Kind::Str => Type::primitive_type_builder(name, Physical::BYTE_ARRAY)
            .with_converted_type(ConvertedType::UTF8),
        Kind::F64 => Type::primitive_type_builder(name, Physical::DOUBLE),
        Kind::Ts => Type::primitive_type_builder(name, Physical::INT64)
            .with_converted_type(ConvertedType::TIMESTAMP_MILLIS),
    };
    Ok(Arc::new(
        b.with_repetition(Repetition::OPTIONAL)
            .build()
            .map_err(pq_err)?,
    ))
}

/// CUR 2.0's `product` column: map<string,string>.
fn map_column(name: &str) -> Result<TypePtr, CoreError> {
    let key = Type::primitive_type_builder("key", Physical::BYTE_ARRAY)
        .with_converted_type(ConvertedType::UTF8)
        .with_repetition(Repetition::REQUIRED)
        .build()
        .map_err(pq_err)?;
    let val = Type::primitive_type_builder("value", Physical::BYTE_ARRAY)
        .with_converted_type(ConvertedType::UTF8)
        .with_repetition(Repetition::OPTIONAL)
        .build()
        .map_err(pq_err)?;
    let kv = Type::group_type_builder("key_value")
        .with_repetition(Repetition::REPEATED)
        .with_fields(vec![Arc::new(key), Arc::new(val)])
        .build()
        .map_err(pq_err)?;
    Ok(Arc::new(
        Type::group_type_builder(name)
            .with_repetition(Repetition::OPTIONAL)
            .with_logical_type(Some(LogicalType::Map))
            .with_converted_type(ConvertedType::MAP)
            .with_fields(vec![Arc::new(kv)])
            .build()
            .map_err(pq_err)?,
    ))
}

/// Writes the report as Snappy Parquet, `rows_per_group` rows per row group.
pub fn write_parquet<W: Write + Send>(
    out: W,
    spec: &CurSpec,
    rows_per_group: usize,
) -> Result<(), CoreError> {
    let defs = column_defs(spec);
    let names = header_names(spec, true);
    let mut fields = Vec::with_capacity(defs.len() + 1);
    for (name, (_, kind)) in names.iter().zip(&defs) {
        fields.push(leaf(name, *kind)?);
    }
    if spec.style == Style::Cur2 {
        fields.push(map_column("product")?);
    }
    let schema = Arc::new(
        Type::group_type_builder("schema")
            .with_fields(fields)
            .build()
            .map_err(pq_err)?,
    );
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .set_max_row_group_row_count(Some(rows_per_group.max(1)))
            .set_created_by("channelops fixtures".into())
            .build(),
    );
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(pq_err)?;
    let mut start = 0;
    while start < spec.rows {
        let end = (start + rows_per_group.max(1)).min(spec.rows);
        let n = end - start;
        let mut rg = writer.next_row_group().map_err(pq_err)?;
        let mut index = 0;
        while let Some(mut col) = rg.next_column().map_err(pq_err)? {
            if index < defs.len() {
                let (name, kind) = &defs[index];
                match kind {
                    Kind::Str => {
                        let mut vals = Vec::with_capacity(n);
                        let mut def = Vec::with_capacity(n);
                        for row in start..end {
                            let v = value(spec, name, *kind, row).text();
                            if v.is_empty() {
                                def.push(0);
                            } else {
                                def.push(1);
                                vals.push(ByteArray::from(v.into_bytes()));
                            }
                        }
                        col.typed::<ByteArrayType>()
                            .write_batch(&vals, Some(&def), None)
                            .map_err(pq_err)?;
                    }
                    Kind::F64 => {
                        let vals: Vec<f64> = (start..end)
                            .map(|row| match value(spec, name, *kind, row) {
                                Value::F64(v) => v,
                                _ => 0.0,
                            })
                            .collect();
                        col.typed::<DoubleType>()
                            .write_batch(&vals, Some(&vec![1; n]), None)
                            .map_err(pq_err)?;
                    }
                    Kind::Ts => {
                        let vals: Vec<i64> = (start..end)
                            .map(|row| match value(spec, name, *kind, row) {
                                Value::Ts(v) => v,
                                _ => 0,
                            })
                            .collect();
                        col.typed::<Int64Type>()
                            .write_batch(&vals, Some(&vec![1; n]), None)
                            .map_err(pq_err)?;
                    }
                }
            } else {
                // The map column's leaves: one entry per row.
                let is_key = index == defs.len();
                let text = if is_key {
                    "product_name"
                } else {
                    "Amazon Elastic Compute Cloud"
                };
                let vals = vec![ByteArray::from(text); n];
                let def = vec![if is_key { 2 } else { 3 }; n];
                col.typed::<ByteArrayType>()
                    .write_batch(&vals, Some(&def), Some(&vec![0; n]))
                    .map_err(pq_err)?;
            }
            col.close().map_err(pq_err)?;
            index += 1;
        }
        rg.close().map_err(pq_err)?;
        start = end;
    }
    writer.close().map_err(pq_err)?;
    Ok(())
}

/// How a generated data file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    GzipCsv,
    ZipCsv,
    PlainCsv,
    Parquet,
}

impl Storage {
    pub fn extension(self) -> &'static str {
        match self {
            Storage::GzipCsv => "csv.gz",
            Storage::ZipCsv => "csv.zip",
            Storage::PlainCsv => "csv",
            Storage::Parquet => "snappy.parquet",
        }
    }
}

fn create(path: &Path) -> Result<std::fs::File, CoreError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| CoreError::io("create", parent, e))?;
    }
    std::fs::File::create(path).map_err(|e| CoreError::io("create", path, e))
}

/// Writes one data file.
pub fn write_data_file(path: &Path, spec: &CurSpec, storage: Storage) -> Result<(), CoreError> {
    let file = create(path)?;
    let buffered = std::io::BufWriter::new(file);
    match storage {
        Storage::PlainCsv => write_csv(buffered, spec),
        Storage::GzipCsv => {
            let mut gz = flate2::write::GzEncoder::new(buffered, flate2::Compression::default());
            write_csv(&mut gz, spec)?;
            gz.finish()
                .map_err(|e| CoreError::io("write", path, e))?
                .flush()
                .map_err(|e| CoreError::io("write", path, e))
        }
        Storage::ZipCsv => {
            let mut zip = zip::ZipWriter::new(
                std::fs::File::create(path).map_err(|e| CoreError::io("create", path, e))?,
            );
            let inner = path
                .file_name()
                .map(|n| n.to_string_lossy().trim_end_matches(".zip").to_owned())
                .unwrap_or_default();
            zip.start_file(inner, zip::write::SimpleFileOptions::default())
                .map_err(|e| CoreError::io("write", path, std::io::Error::other(e.to_string())))?;
            write_csv(&mut zip, spec)?;
            zip.finish()
                .map_err(|e| CoreError::io("write", path, std::io::Error::other(e.to_string())))?;
            Ok(())
        }
        Storage::Parquet => write_parquet(buffered, spec, 100_000),
    }
}

fn period_range(spec: &CurSpec) -> String {
    let (ny, nm) = if spec.month == 12 {
        (spec.year + 1, 1)
    } else {
        (spec.year, spec.month + 1)
    };
    format!("{:04}{:02}01-{:04}{:02}01", spec.year, spec.month, ny, nm)
}

/// A legacy manifest naming `keys` (bucket-relative) for the report.
pub fn legacy_manifest(
    spec: &CurSpec,
    report: &str,
    assembly: &str,
    keys: &[String],
    storage: Storage,
) -> serde_json::Value {
    let (compression, content_type) = match storage {
        Storage::Parquet => ("Parquet", "Parquet"),
        Storage::ZipCsv => ("ZIP", "text/csv"),
        _ => ("GZIP", "text/csv"),
    };
    let columns: Vec<serde_json::Value> = column_defs(spec)
        .iter()
        // Generated manifests are known to omit lineItem/ResourceId: do the same.
        .filter(|(n, _)| n != "lineItem/ResourceId")
        .map(|(n, _)| {
            let (cat, name) = n.split_once('/').unwrap_or(("", n));
            serde_json::json!({"category": cat, "name": name, "type": "String"})
        })
        .collect();
    let range = period_range(spec);
    serde_json::json!({
        "assemblyId": assembly,
        "account": spec.payer,
        "columns": columns,
        "charset": "UTF-8",
        "compression": compression,
        "contentType": content_type,
        "reportId": format!("{:x}", splitmix(spec.seed)),
        "reportName": report,
        "billingPeriod": {"start": format!("{}T000000.000Z", &range[..8]), "end": format!("{}T000000.000Z", &range[9..])},
        "bucket": "example-cur-bucket",
        "reportKeys": keys,
        "additionalArtifactKeys": [],
    })
}

fn write_json(path: &Path, value: &serde_json::Value) -> Result<(), CoreError> {
    let text = serde_json::to_vec_pretty(value)
        .map_err(|e| CoreError::io("write", path, std::io::Error::other(e.to_string())))?;
    let mut f = create(path)?;
    f.write_all(&text)
        .map_err(|e| CoreError::io("write", path, e))
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A legacy CSV report, CREATE_NEW layout: `<prefix>/<report>/<range>/<assembly>/<report>-<n>.csv.gz`
/// with the manifest in both the date folder and the assembly folder. Returns the data keys.
pub fn legacy_csv_report(
    root: &Path,
    prefix: &str,
    report: &str,
    spec: &CurSpec,
    storage: Storage,
    files: usize,
) -> Result<Vec<String>, CoreError> {
    let assembly = format!(
        "{:08x}-1111-4a4a-9b9b-{:012x}",
        splitmix(spec.seed) as u32,
        splitmix(spec.seed + 1) & 0xffff_ffff_ffff
    );
    let period_dir = root.join(prefix).join(report).join(period_range(spec));
    let mut keys = Vec::new();
    for n in 1..=files {
        let path = period_dir
            .join(&assembly)
            .join(format!("{report}-{n}.{}", storage.extension()));
        write_data_file(
            &path,
            &CurSpec {
                seed: spec.seed + n as u64,
                ..spec.clone()
            },
            storage,
        )?;
        keys.push(rel(root, &path));
    }
    let manifest = legacy_manifest(spec, report, &assembly, &keys, storage);
    write_json(
        &period_dir.join(format!("{report}-Manifest.json")),
        &manifest,
    )?;
    write_json(
        &period_dir
            .join(&assembly)
            .join(format!("{report}-Manifest.json")),
        &manifest,
    )?;
    Ok(keys)
}

/// A legacy Parquet report with the Athena layout: `<prefix>/<report>/<report>/year=Y/month=M/<report>-0000n.snappy.parquet`,
/// plus the status table and crawler artifacts AWS writes beside it.
pub fn legacy_athena_report(
    root: &Path,
    prefix: &str,
    report: &str,
    spec: &CurSpec,
    files: usize,
) -> Result<Vec<PathBuf>, CoreError> {
    let base = root.join(prefix).join(report);
    let part = base
        .join(report)
        .join(format!("year={}", spec.year))
        .join(format!("month={}", spec.month));
    let mut out = Vec::new();
    for n in 1..=files {
        let path = part.join(format!("{report}-{n:05}.snappy.parquet"));
        write_data_file(
            &path,
            &CurSpec {
                seed: spec.seed + n as u64,
                ..spec.clone()
            },
            Storage::Parquet,
        )?;
        out.push(path);
    }
    let status = base.join("cost_and_usage_data_status/cost_and_usage_data_status.parquet");
    create(&status)?
        .write_all(b"PAR1 not a cur file")
        .map_err(|e| CoreError::io("write", &status, e))?;
    create(&base.join("crawler-cfn.yml"))?
        .write_all(b"AWSTemplateFormatVersion: 2010-09-09\n")
        .map_err(|e| CoreError::io("write", &base, e))?;
    Ok(out)
}

/// A legacy Parquet report without Athena (CREATE_NEW): `<prefix>/<report>/<range>/<timestamp>/<report>-00001.snappy.parquet`.
pub fn legacy_parquet_create_new(
    root: &Path,
    prefix: &str,
    report: &str,
    spec: &CurSpec,
) -> Result<(), CoreError> {
    let dir = root.join(prefix).join(report).join(period_range(spec));
    // An older assembly first, then the current one: the newest decides.
    let old = CurSpec {
        granularity: Granularity::Daily,
        ..spec.clone()
    };
    write_data_file(
        &dir.join("20261002T100000Z")
            .join(format!("{report}-00001.snappy.parquet")),
        &old,
        Storage::Parquet,
    )?;
    let path = dir
        .join("20261003T120125Z")
        .join(format!("{report}-00001.snappy.parquet"));
    write_data_file(&path, spec, Storage::Parquet)?;
    let keys = vec![rel(root, &path)];
    write_json(
        &dir.join(format!("{report}-Manifest.json")),
        &legacy_manifest(spec, report, "20261003T120125Z", &keys, Storage::Parquet),
    )
}

/// A CUR 2.0 or FOCUS Data Exports export: `<prefix>/<export>/{data,metadata}/BILLING_PERIOD=YYYY-MM/…`.
pub fn data_export(
    root: &Path,
    prefix: &str,
    export: &str,
    spec: &CurSpec,
    storage: Storage,
) -> Result<(), CoreError> {
    let period = format!("BILLING_PERIOD={:04}-{:02}", spec.year, spec.month);
    let base = root.join(prefix).join(export);
    let data = base
        .join("data")
        .join(&period)
        .join(format!("{export}-00001.{}", storage.extension()));
    write_data_file(&data, spec, storage)?;
    let manifest = serde_json::json!({
        "exportArn": format!("arn:aws:bcm-data-exports:us-east-1:{}:export/{export}-0001", spec.payer),
        "executionId": "00000000-0000-0000-0000-000000000001",
        "columns": header_names(spec, true).iter().map(|n| serde_json::json!({"name": n, "type": "string"})).collect::<Vec<_>>(),
        "dataFiles": [format!("s3://example-cur-bucket/{}", rel(root, &data))],
    });
    write_json(
        &base
            .join("metadata")
            .join(&period)
            .join(format!("{export}-Manifest.json")),
        &manifest,
    )
}

/// Every variant the validator must judge, each in its own folder under `root`,
/// with the verdict it must get. Used by the tests and by `channelops fixtures`.
pub struct Variant {
    pub folder: &'static str,
    /// Report names that must be valid (selectable).
    pub valid: &'static [&'static str],
    /// (report, check id, status) that must hold.
    pub expect: &'static [(&'static str, &'static str, &'static str)],
}

pub const VARIANTS: &[Variant] = &[
    Variant {
        folder: "valid-csv-gz",
        valid: &["hourly-cur"],
        expect: &[
            ("hourly-cur", "format", "pass"),
            ("hourly-cur", "hourly", "pass"),
            ("hourly-cur", "readable", "pass"),
            ("hourly-cur", "legacy_cur", "pass"),
        ],
    },
    Variant {
        folder: "valid-parquet-athena",
        valid: &["cur-parquet"],
        expect: &[
            ("cur-parquet", "format", "pass"),
            ("cur-parquet", "split_cost_allocation", "pass"),
            ("cur-parquet", "resource_ids", "pass"),
        ],
    },
    Variant {
        folder: "valid-parquet-create-new",
        valid: &["cur-new"],
        expect: &[("cur-new", "hourly", "pass")],
    },
    Variant {
        folder: "daily",
        valid: &[],
        expect: &[("daily-cur", "hourly", "fail")],
    },
    Variant {
        folder: "monthly",
        valid: &[],
        expect: &[("monthly-cur", "hourly", "fail")],
    },
    Variant {
        folder: "no-resource-ids",
        valid: &[],
        expect: &[
            ("no-rid", "resource_ids", "fail"),
            ("no-rid", "hourly", "pass"),
        ],
    },
    Variant {
        folder: "no-split",
        valid: &[],
        expect: &[
            ("no-split", "split_cost_allocation", "fail"),
            ("no-split", "resource_ids", "pass"),
        ],
    },
    Variant {
        folder: "zip",
        valid: &[],
        expect: &[
            ("zip-cur", "format", "fail"),
            ("zip-cur", "readable", "pass"),
        ],
    },
    Variant {
        folder: "cur2",
        valid: &[],
        expect: &[("cur2-export", "legacy_cur", "fail")],
    },
    Variant {
        folder: "focus",
        valid: &[],
        expect: &[("focus-export", "legacy_cur", "fail")],
    },
    Variant {
        folder: "truncated",
        valid: &[],
        expect: &[
            ("trunc-csv", "readable", "fail"),
            ("trunc-parquet", "readable", "fail"),
        ],
    },
    Variant {
        folder: "garbage-manifest",
        valid: &[],
        expect: &[("bad-manifest", "readable", "fail")],
    },
    Variant {
        folder: "missing-file",
        valid: &[],
        expect: &[("missing", "readable", "fail")],
    },
    Variant {
        folder: "no-data-yet",
        valid: &["fresh"],
        expect: &[("fresh", "freshness", "warn")],
    },
    Variant {
        folder: "two-valid",
        valid: &["cur-a", "cur-b"],
        expect: &[],
    },
];

/// Writes every variant of [`VARIANTS`] under `root`.
pub fn write_all_variants(root: &Path) -> Result<(), CoreError> {
    let base = CurSpec::default();
    let d = |f: &str| root.join(f);
    legacy_csv_report(
        &d("valid-csv-gz"),
        "cur",
        "hourly-cur",
        &base,
        Storage::GzipCsv,
        2,
    )?;
    // An older period too: the latest decides.
    legacy_csv_report(
        &d("valid-csv-gz"),
        "cur",
        "hourly-cur",
        &CurSpec {
            month: 9,
            granularity: Granularity::Daily,
            ..base.clone()
        },
        Storage::GzipCsv,
        1,
    )?;
    legacy_athena_report(&d("valid-parquet-athena"), "", "cur-parquet", &base, 2)?;
    legacy_athena_report(
        &d("valid-parquet-athena"),
        "",
        "cur-parquet",
        &CurSpec {
            month: 9,
            ..base.clone()
        },
        1,
    )?;
    legacy_parquet_create_new(&d("valid-parquet-create-new"), "exports", "cur-new", &base)?;
    legacy_csv_report(
        &d("daily"),
        "p",
        "daily-cur",
        &CurSpec {
            granularity: Granularity::Daily,
            ..base.clone()
        },
        Storage::GzipCsv,
        1,
    )?;
    legacy_athena_report(
        &d("monthly"),
        "p",
        "monthly-cur",
        &CurSpec {
            granularity: Granularity::Monthly,
            ..base.clone()
        },
        1,
    )?;
    legacy_csv_report(
        &d("no-resource-ids"),
        "p",
        "no-rid",
        &CurSpec {
            resource_ids: false,
            ..base.clone()
        },
        Storage::GzipCsv,
        1,
    )?;
    legacy_athena_report(
        &d("no-split"),
        "p",
        "no-split",
        &CurSpec {
            split: false,
            ..base.clone()
        },
        1,
    )?;
    legacy_csv_report(&d("zip"), "p", "zip-cur", &base, Storage::ZipCsv, 1)?;
    data_export(
        &d("cur2"),
        "exports",
        "cur2-export",
        &CurSpec {
            style: Style::Cur2,
            ..base.clone()
        },
        Storage::Parquet,
    )?;
    data_export(
        &d("focus"),
        "exports",
        "focus-export",
        &CurSpec {
            style: Style::Focus,
            ..base.clone()
        },
        Storage::GzipCsv,
    )?;

    // A gzip CSV cut off inside the sampled head (a cut past the sample needs --deep).
    let trunc = CurSpec {
        rows: 600,
        ..base.clone()
    };
    for key in legacy_csv_report(
        &d("truncated"),
        "p",
        "trunc-csv",
        &trunc,
        Storage::GzipCsv,
        1,
    )? {
        truncate_half(&d("truncated").join(key))?;
    }
    for path in legacy_athena_report(&d("truncated"), "p", "trunc-parquet", &trunc, 1)? {
        truncate_half(&path)?;
    }

    legacy_csv_report(
        &d("garbage-manifest"),
        "p",
        "bad-manifest",
        &base,
        Storage::GzipCsv,
        1,
    )?;
    let manifest = d("garbage-manifest")
        .join("p/bad-manifest")
        .join(period_range(&base))
        .join("bad-manifest-Manifest.json");
    create(&manifest)?
        .write_all(b"{\"reportKeys\": [\"p/bad-")
        .map_err(|e| CoreError::io("write", &manifest, e))?;

    for key in legacy_csv_report(
        &d("missing-file"),
        "p",
        "missing",
        &base,
        Storage::GzipCsv,
        2,
    )?
    .iter()
    .take(1)
    {
        let path = d("missing-file").join(key);
        std::fs::remove_file(&path).map_err(|e| CoreError::io("remove", &path, e))?;
    }

    let fresh = d("no-data-yet")
        .join("p/fresh")
        .join(period_range(&base))
        .join("fresh-Manifest.json");
    write_json(
        &fresh,
        &legacy_manifest(&base, "fresh", "", &[], Storage::GzipCsv),
    )?;

    legacy_csv_report(&d("two-valid"), "p", "cur-a", &base, Storage::GzipCsv, 1)?;
    legacy_athena_report(&d("two-valid"), "p", "cur-b", &base, 1)?;
    // Files that are not CUR must be ignored.
    create(&d("two-valid").join("notes/readme.txt"))?
        .write_all(b"hello")
        .map_err(|e| CoreError::io("write", root, e))?;
    create(&d("two-valid").join("notes/people.csv"))?
        .write_all(b"name,age\nann,3\n")
        .map_err(|e| CoreError::io("write", root, e))?;
    Ok(())
}

fn truncate_half(path: &Path) -> Result<(), CoreError> {
    let len = std::fs::metadata(path)
        .map_err(|e| CoreError::io("inspect", path, e))?
        .len();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| CoreError::io("open", path, e))?;
    f.set_len(len / 2)
        .map_err(|e| CoreError::io("truncate", path, e))
}
