//! Reads as little of a data file as a verdict needs: the CSV header and first
//! rows (streamed through gzip or zip), or the Parquet footer and the first pages
//! of the few columns the checks look at. `deep` reads every row instead.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use parquet::basic::{ConvertedType, LogicalType};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::serialized_reader::ReadOptionsBuilder;
use parquet::record::Field;
use parquet::schema::types::Type;

use super::CancelToken;
use super::bounded::CsvBounded;
use super::columns::{self, Columns};
use super::parquet_read::{self, ParquetObject};
use super::source::{Counting, ObjectInfo, ObjectReader};
use crate::limits;
use crate::text;
use crate::text::Text;

/// A compressed CSV's head is read from S3 in blocks this size: the default
/// sample (1 000 rows of a CUR, some 100 KB compressed) in one request.
const COMPRESSED_HEAD_BLOCK: u64 = 256 * 1024;
/// The same for an uncompressed CSV (about ten times larger).
const PLAIN_HEAD_BLOCK: u64 = 1024 * 1024;
/// Decompressed bytes a sample may read per row asked for, beyond
/// [`limits::SAMPLE_DECOMPRESSED_BYTES`] (a sample of many rows reads more).
const SAMPLE_BYTES_PER_ROW: u64 = 16 * 1024;
/// On disk a read is a system call, not a round trip: smaller blocks, fewer bytes.
const LOCAL_BLOCK: u64 = 64 * 1024;

/// The block size for streaming a CSV head from `src`.
fn head_block(src: &Counting, remote: u64) -> u64 {
    if src.inner().is_local() {
        LOCAL_BLOCK
    } else {
        remote
    }
}

/// How a data file is stored, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    GzipCsv,
    ZipCsv,
    PlainCsv,
    Parquet,
}

impl FileFormat {
    pub fn from_key(key: &str) -> Option<Self> {
        let k = key.to_ascii_lowercase();
        if k.ends_with(".csv.gz") {
            Some(FileFormat::GzipCsv)
        } else if k.ends_with(".csv.zip") || k.ends_with(".zip") {
            Some(FileFormat::ZipCsv)
        } else if k.ends_with(".csv") {
            Some(FileFormat::PlainCsv)
        } else if k.ends_with(".parquet") {
            Some(FileFormat::Parquet)
        } else {
            None
        }
    }

    /// The format as the catalog's messages select it (`check-legacy-pass`).
    pub fn key(self) -> &'static str {
        match self {
            FileFormat::GzipCsv => "gzip-csv",
            FileFormat::ZipCsv => "zip-csv",
            FileFormat::PlainCsv => "plain-csv",
            FileFormat::Parquet => "parquet",
        }
    }
}

/// What was seen in the sampled rows, aggregated (bounded memory even with `deep`).
#[derive(Debug, Clone, Default)]
pub struct Sample {
    pub rows: u64,
    /// TimeInterval length in seconds → (rows, an example value).
    pub intervals: BTreeMap<i64, (u64, String)>,
    pub interval_unparsed: Option<String>,
    /// Usage end − start in seconds → (rows, an example "start/end").
    pub usage_spans: BTreeMap<i64, (u64, String)>,
    /// Distinct payer account IDs seen (at most 32 kept).
    pub payers: BTreeSet<String>,
}

impl Sample {
    fn add_interval(&mut self, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        match parse_interval(value) {
            Some(secs) => bump(&mut self.intervals, secs, value),
            None => {
                self.interval_unparsed
                    .get_or_insert_with(|| value.to_owned());
            }
        }
    }

    fn add_usage_millis(&mut self, start: i64, end: i64) {
        let example = format!("{}/{}", fmt_millis(start), fmt_millis(end));
        bump(&mut self.usage_spans, (end - start) / 1000, &example);
    }

    fn add_usage_text(&mut self, start: &str, end: &str) {
        if let (Some(s), Some(e)) = (parse_time_millis(start), parse_time_millis(end)) {
            self.add_usage_millis(s, e);
        }
    }

    fn add_payer(&mut self, payer: &str) {
        let payer = payer.trim();
        if !payer.is_empty() && self.payers.len() < 32 {
            self.payers.insert(payer.to_owned());
        }
    }

    pub fn merge(&mut self, other: &Sample) {
        self.rows += other.rows;
        for (k, (n, ex)) in &other.intervals {
            self.intervals
                .entry(*k)
                .or_insert_with(|| (0, ex.clone()))
                .0 += n;
        }
        for (k, (n, ex)) in &other.usage_spans {
            self.usage_spans
                .entry(*k)
                .or_insert_with(|| (0, ex.clone()))
                .0 += n;
        }
        if self.interval_unparsed.is_none() {
            self.interval_unparsed.clone_from(&other.interval_unparsed);
        }
        for p in &other.payers {
            if self.payers.len() < 32 {
                self.payers.insert(p.clone());
            }
        }
    }
}

fn bump(map: &mut BTreeMap<i64, (u64, String)>, key: i64, example: &str) {
    map.entry(key).or_insert_with(|| (0, example.to_owned())).0 += 1;
}

fn fmt_millis(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| ms.to_string())
}

/// `2026-10-01T00:00:00Z` (and the minute-only and space-separated forms) → epoch millis.
pub fn parse_time_millis(text: &str) -> Option<i64> {
    let t = text.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(t) {
        return Some(dt.timestamp_millis());
    }
    for fmt in [
        "%Y-%m-%dT%H:%MZ",
        "%Y-%m-%dT%H:%M:%SZ",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.fZ",
    ] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(t, fmt) {
            return Some(dt.and_utc().timestamp_millis());
        }
    }
    None
}

/// `start/end` → length in seconds.
pub fn parse_interval(value: &str) -> Option<i64> {
    let (a, b) = value.split_once('/')?;
    let (a, b) = (parse_time_millis(a)?, parse_time_millis(b)?);
    (b > a).then_some((b - a) / 1000)
}

/// One inspected data file.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub key: String,
    pub size: u64,
    pub format: Option<FileFormat>,
    pub columns: Option<Columns>,
    pub sample: Sample,
    /// Why the file could not be read, for the `readable` check.
    pub error: Option<Text>,
    /// The remedy when the source itself failed (access, network) rather than
    /// the file's content.
    pub error_remedy: Option<crate::text::Text>,
}

/// How much to read.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Rows sampled per file (ignored with `deep`).
    pub rows: u64,
    pub deep: bool,
}

impl Limits {
    fn max_rows(&self) -> u64 {
        if self.deep { u64::MAX } else { self.rows }
    }
}

/// Reads the head (or all, with `deep`) of one data file. Never panics on bad input.
pub fn inspect(
    src: &Counting,
    obj: &ObjectInfo,
    limits: Limits,
    cancel: &CancelToken,
) -> Inspection {
    let format = FileFormat::from_key(&obj.key);
    let mut out = Inspection {
        key: obj.key.clone(),
        size: obj.size,
        format,
        columns: None,
        sample: Sample::default(),
        error: None,
        error_remedy: None,
    };
    if obj.size == 0 {
        out.error = Some(text!("decode-empty"));
        return out;
    }
    // Third-party decoders run where a panic becomes this file's failed check.
    let result = crate::guard::contain(|| match format {
        Some(FileFormat::Parquet) => sample_parquet(src, obj, limits, cancel),
        Some(FileFormat::GzipCsv) => {
            opened_with_magic(src, obj, &[0x1f, 0x8b], "gzip").and_then(|raw| {
                sample_csv(
                    flate2::read::MultiGzDecoder::new(raw),
                    limits.max_rows(),
                    cancel,
                )
            })
        }
        Some(FileFormat::ZipCsv) => {
            opened_with_magic(src, obj, b"PK\x03\x04", "ZIP").and_then(|mut raw| {
                match zip::read::read_zipfile_from_stream(&mut raw) {
                    Ok(Some(entry)) => sample_csv(entry, limits.max_rows(), cancel),
                    Ok(None) => Err(text!("decode-zip-empty")),
                    Err(e) => Err(text!("decode-zip", detail = e.to_string())),
                }
            })
        }
        Some(FileFormat::PlainCsv) => sample_csv(
            ObjectReader::new(
                src,
                &obj.key,
                obj.size,
                0,
                head_block(src, PLAIN_HEAD_BLOCK),
            ),
            limits.max_rows(),
            cancel,
        ),
        None => Err(text!("decode-not-cur")),
    })
    .unwrap_or_else(|panic| Err(text!("decode-panic", detail = panic)));
    match result {
        Ok((columns, sample)) => {
            out.columns = Some(columns);
            out.sample = sample;
        }
        Err(e) => match src.failure(&obj.key) {
            // Not the file's fault: say what the source said, with its fix.
            Some((message, remedy)) => {
                out.error = Some(message);
                out.error_remedy = Some(remedy);
            }
            None => out.error = Some(e),
        },
    }
    out
}

/// A streaming reader over the object, after checking that it starts with
/// `magic` — from the same first fetch the decoder then goes on reading.
fn opened_with_magic(
    src: &Counting,
    obj: &ObjectInfo,
    magic: &[u8],
    what: &str,
) -> Result<impl Read, Text> {
    let block = head_block(src, COMPRESSED_HEAD_BLOCK);
    let mut raw = ObjectReader::new(src, &obj.key, obj.size, 0, block);
    let mut head = vec![0u8; magic.len()];
    raw.read_exact(&mut head)
        .map_err(|e| text!("decode-unreadable", detail = e.to_string()))?;
    if head != magic {
        return Err(text!("decode-wrong-magic", kind = what));
    }
    Ok(std::io::Cursor::new(head).chain(raw))
}

/// Reads a CSV header and up to `max_rows` rows. Public for fuzzing.
pub fn sample_csv<R: Read>(
    reader: R,
    max_rows: u64,
    cancel: &CancelToken,
) -> Result<(Columns, Sample), Text> {
    // The sample reads a bounded head; a deep scan reads on, a record at a time.
    let total = (max_rows != u64::MAX).then(|| {
        limits::SAMPLE_DECOMPRESSED_BYTES.max(max_rows.saturating_mul(SAMPLE_BYTES_PER_ROW))
    });
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(CsvBounded::new(reader, total));
    let headers = rdr
        .headers()
        .map_err(|e| text!("decode-csv-header", detail = e.to_string()))?;
    if headers.len() > limits::COLUMNS {
        return Err(text!(
            "decode-csv-columns",
            n = headers.len(),
            max = limits::COLUMNS
        ));
    }
    let header: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if i == 0 {
                h.trim_start_matches('\u{feff}').to_owned()
            } else {
                h.to_owned()
            }
        })
        .collect();
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(text!("decode-csv-no-header"));
    }
    let columns = Columns::new(header, Vec::new());
    let idx = |name: &str| {
        columns
            .raw
            .iter()
            .position(|h| columns::canonical(h) == name)
    };
    let (interval, start, end, payer) = (
        idx(columns::TIME_INTERVAL),
        idx(columns::USAGE_START),
        idx(columns::USAGE_END),
        idx(columns::PAYER_ACCOUNT),
    );
    let mut sample = Sample::default();
    let mut record = csv::StringRecord::new();
    while sample.rows < max_rows {
        if sample.rows % 4096 == 0 && cancel.is_cancelled() {
            return Err(text!("decode-cancelled"));
        }
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(text!(
                    "decode-csv-row",
                    row = sample.rows + 2,
                    detail = e.to_string()
                ));
            }
        }
        sample.rows += 1;
        if let Some(v) = interval.and_then(|i| record.get(i)) {
            sample.add_interval(v);
        }
        if let (Some(s), Some(e)) = (
            start.and_then(|i| record.get(i)),
            end.and_then(|i| record.get(i)),
        ) {
            sample.add_usage_text(s, e);
        }
        if let Some(v) = payer.and_then(|i| record.get(i)) {
            sample.add_payer(v);
        }
    }
    Ok((columns, sample))
}

fn is_map(field: &Type) -> bool {
    let info = field.get_basic_info();
    matches!(info.logical_type_ref(), Some(LogicalType::Map))
        || matches!(
            info.converted_type(),
            ConvertedType::MAP | ConvertedType::MAP_KEY_VALUE
        )
}

fn field_millis(field: &Field) -> Option<i64> {
    match field {
        Field::TimestampMillis(v) => Some(*v),
        Field::TimestampMicros(v) => Some(*v / 1000),
        Field::Str(s) => parse_time_millis(s),
        _ => None,
    }
}

fn field_text(field: &Field) -> Option<String> {
    match field {
        Field::Str(s) => Some(s.clone()),
        Field::Null => None,
        other => Some(other.to_string()),
    }
}

fn sample_parquet(
    src: &Counting,
    obj: &ObjectInfo,
    limits: Limits,
    cancel: &CancelToken,
) -> Result<(Columns, Sample), Text> {
    let file = ParquetObject::new(src, &obj.key, obj.size);
    // Planned reads pay where a read is a round trip (S3); on disk each read is a
    // system call, and reading on demand is quicker than planning.
    let planned = !limits.deep && !src.inner().is_local();
    if planned {
        file.prefetch_footer().map_err(|e| e.text())?;
    }
    file.check_footer()?;
    let mut reader = SerializedFileReader::new(file.clone())
        .map_err(|e| text!("decode-parquet", detail = e.to_string()))?;
    // The offset index locates the first pages exactly: used when the footer's
    // reads brought it (it is never worth a request of its own). The crate builds
    // a reader only from the file, so the footer is parsed again — from memory.
    if planned && file.has_page_index_cached(reader.metadata()) {
        let options = ReadOptionsBuilder::new().with_page_index().build();
        reader = SerializedFileReader::new_with_options(file.clone(), options)
            .map_err(|e| text!("decode-parquet", detail = e.to_string()))?;
        let meta = reader.metadata();
        for g in 0..meta.num_row_groups() {
            let index = meta.page_index_for_row_group(g);
            for c in 0..meta.row_group(g).num_columns() {
                if let Some(pages) = index.page_locations(c) {
                    file.pages
                        .extend(pages.iter().filter_map(|p| u64::try_from(p.offset).ok()));
                }
            }
        }
    }
    let schema = reader.metadata().file_metadata().schema();
    let fields = schema.get_fields();
    let names: Vec<String> = fields.iter().map(|f| f.name().to_owned()).collect();
    let maps: Vec<String> = fields
        .iter()
        .filter(|f| is_map(f))
        .map(|f| f.name().to_owned())
        .collect();
    let columns = Columns::new(names, maps);

    let wanted = [
        columns::TIME_INTERVAL,
        columns::USAGE_START,
        columns::USAGE_END,
        columns::PAYER_ACCOUNT,
    ];
    let is_wanted = |name: &str| wanted.contains(&columns::canonical(name).as_str());
    let projected: Vec<_> = fields
        .iter()
        .filter(|f| f.is_primitive() && is_wanted(f.name()))
        .cloned()
        .collect();
    let mut sample = Sample::default();
    if projected.is_empty() || reader.metadata().num_row_groups() == 0 {
        return Ok((columns, sample));
    }
    if planned {
        // The first pages of the projected columns, in one coalesced read.
        let leaves: Vec<usize> = reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .columns()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.path().parts().len() == 1 && is_wanted(c.name()))
            .map(|(i, _)| i)
            .collect();
        let ranges = parquet_read::sample_ranges(reader.metadata(), &leaves, limits.max_rows());
        file.prefetch(&ranges).map_err(|e| e.text())?;
    }
    let projection = Type::group_type_builder(schema.name())
        .with_fields(projected)
        .build()
        .map_err(|e| text!("decode-parquet-projection", detail = e.to_string()))?;
    let mut rows = reader
        .get_row_iter(Some(projection))
        .map_err(|e| text!("decode-parquet-data", detail = e.to_string()))?;
    // Stop before asking for a row past the sample (it may start a row group).
    while sample.rows < limits.max_rows() {
        if sample.rows % 4096 == 0 && cancel.is_cancelled() {
            return Err(text!("decode-cancelled"));
        }
        let Some(row) = rows.next() else { break };
        let row = row.map_err(|e| text!("decode-parquet-data", detail = e.to_string()))?;
        sample.rows += 1;
        let (mut start, mut end) = (None, None);
        for (name, field) in row.get_column_iter() {
            match columns::canonical(name).as_str() {
                columns::TIME_INTERVAL => {
                    if let Some(v) = field_text(field) {
                        sample.add_interval(&v);
                    }
                }
                columns::USAGE_START => start = field_millis(field),
                columns::USAGE_END => end = field_millis(field),
                columns::PAYER_ACCOUNT => {
                    if let Some(v) = field_text(field) {
                        sample.add_payer(&v);
                    }
                }
                _ => {}
            }
        }
        if let (Some(s), Some(e)) = (start, end) {
            sample.add_usage_millis(s, e);
        }
    }
    if limits.deep {
        scan_all_pages(&reader, &file, cancel)?;
    }
    Ok((columns, sample))
}

/// `deep`: reads and decompresses every page of every column, so damage anywhere
/// in the file is found (the sample only touches the first pages of four columns).
fn scan_all_pages(
    reader: &SerializedFileReader<ParquetObject>,
    file: &ParquetObject,
    cancel: &CancelToken,
) -> Result<(), Text> {
    let meta = reader.metadata();
    for g in 0..meta.num_row_groups() {
        let group = reader
            .get_row_group(g)
            .map_err(|e| text!("decode-row-group", group = g, detail = e.to_string()))?;
        for c in 0..meta.row_group(g).num_columns() {
            if cancel.is_cancelled() {
                return Err(text!("decode-cancelled"));
            }
            let chunk = meta.row_group(g).column(c);
            let name = chunk.column_path().string();
            // The whole chunk in one read (page headers then come from it: no byte
            // is read twice), forgotten once scanned. Chunks over the prefetch
            // limit are read page by page.
            if let Some(range) = parquet_read::chunk_range(chunk) {
                file.prefetch(&[range]).map_err(|e| e.text())?;
            }
            let mut pages = group.get_column_page_reader(c).map_err(|e| {
                text!(
                    "decode-column",
                    column = &name,
                    group = g,
                    detail = e.to_string()
                )
            })?;
            while let Some(_page) = pages.get_next_page().map_err(|e| {
                text!(
                    "decode-page",
                    column = &name,
                    group = g,
                    detail = e.to_string()
                )
            })? {}
            file.cache.clear();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_and_times_parse() {
        assert_eq!(
            parse_interval("2026-10-01T00:00:00Z/2026-10-01T01:00:00Z"),
            Some(3600)
        );
        assert_eq!(
            parse_interval("2026-10-01T00:00Z/2026-10-02T00:00Z"),
            Some(86_400)
        );
        assert_eq!(parse_interval("garbage"), None);
        assert_eq!(
            parse_interval("2026-10-02T00:00:00Z/2026-10-01T00:00:00Z"),
            None
        );
    }

    #[test]
    fn csv_sampler_reads_header_and_aggregates() {
        let data = "\u{feff}identity/TimeInterval,bill/PayerAccountId,lineItem/UsageStartDate,lineItem/UsageEndDate\n\
            2026-10-01T00:00:00Z/2026-10-01T01:00:00Z,111111111111,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z\n\
            2026-10-01T00:00:00Z/2026-10-02T00:00:00Z,111111111111,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z\n";
        let (cols, s) = sample_csv(data.as_bytes(), 10, &CancelToken::default()).unwrap();
        assert_eq!(cols.raw[0], "identity/TimeInterval");
        assert_eq!(s.rows, 2);
        assert_eq!(
            s.intervals.keys().copied().collect::<Vec<_>>(),
            [3600, 86_400]
        );
        assert_eq!(s.payers.iter().collect::<Vec<_>>(), ["111111111111"]);
        assert_eq!(s.usage_spans.len(), 2);
        let (_, s1) = sample_csv(data.as_bytes(), 1, &CancelToken::default()).unwrap();
        assert_eq!(s1.rows, 1);
    }
}
