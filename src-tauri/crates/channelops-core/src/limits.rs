//! Every limit on input from outside, in one place (ARCHITECTURE.md → Limits).
//! Files, bundles, hand-over files, S3 objects and AWS answers are hostile until
//! read: each read has a ceiling on bytes, lines, columns, nesting and
//! decompressed size, so no input can exhaust memory, the stack or time. Real
//! inputs stay far below each one (the margin is given beside it). Foundation
//! layer: depends on nothing.

/// Hand-over files (invitation, onboarding report, diagnostic bundle). A bundle
/// of a large bucket is a few MB.
pub const HANDOVER_FILE_BYTES: u64 = 64 << 20;
/// Entries (objects, byte ranges) in a diagnostic bundle.
pub const BUNDLE_ENTRIES: usize = 200_000;
/// The end of the app log a diagnostic bundle may carry.
pub const BUNDLE_LOG_BYTES: u64 = 512 << 10;
/// A customer CSV imported by `customers import` (10 000 customers are ~1 MB).
pub const CUSTOMER_CSV_BYTES: u64 = 32 << 20;
/// The preferences file.
pub const PREFERENCES_BYTES: u64 = 64 << 10;
/// A bucket policy AWS answers with (AWS caps them at 20 KiB); a larger one is
/// not parsed.
pub const BUCKET_POLICY_BYTES: usize = 64 << 10;

/// Objects listed in one source (a bucket holding years of CURs has tens of thousands).
pub const SOURCE_OBJECTS: usize = 500_000;
/// An object key (S3 allows 1 024 bytes).
pub const OBJECT_KEY_BYTES: usize = 1024;

/// A report manifest (real ones: tens of KB; one listing 5 000 tag columns: ~500 KB).
pub const MANIFEST_BYTES: u64 = 2 << 20;
/// Entries of one list in a manifest (`columns`, `reportKeys`).
pub const MANIFEST_LIST_ENTRIES: usize = 50_000;

/// One CSV record — the header line or a row — in bytes, quotes respected (a CUR
/// row with many tags is a few KB).
pub const CSV_RECORD_BYTES: u64 = 1 << 20;
/// Columns in a CSV header or a Parquet schema (a CUR with thousands of
/// resource tags has a few thousand).
pub const COLUMNS: usize = 20_000;
/// Decompressed bytes read for one file's sample (1 000 rows of a wide CUR are ~5 MB).
/// `--deep` reads every row and has no such limit; a record is still bounded.
pub const SAMPLE_DECOMPRESSED_BYTES: u64 = 64 << 20;

/// A Parquet footer (the file metadata): a 2 GB CUR's is a few hundred KB.
pub const PARQUET_FOOTER_BYTES: u64 = 16 << 20;
/// Elements in a Parquet schema (groups and leaves).
pub const PARQUET_SCHEMA_ELEMENTS: usize = COLUMNS * 2;
/// Nesting of a Parquet schema (a CUR's map columns are three deep).
pub const PARQUET_SCHEMA_DEPTH: usize = 32;
/// Entries of any one list in a Parquet footer.
pub const PARQUET_LIST_ENTRIES: u64 = 200_000;
/// Column chunks in a Parquet file, all row groups together.
pub const PARQUET_COLUMN_CHUNKS: u64 = 200_000;
/// Nesting of Thrift structures in a footer or a page header (real ones: 5).
pub const THRIFT_DEPTH: usize = 24;
/// One Parquet page, compressed or not (writers make pages of about 1 MB).
pub const PARQUET_PAGE_BYTES: u64 = 64 << 20;
