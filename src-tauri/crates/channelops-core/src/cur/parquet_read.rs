//! A Parquet file in a source, read in few requests: one suffix read for the
//! footer (and the page indexes written just before it), then one coalesced read
//! of the first pages the sample needs — the dictionary page and first data
//! page(s) of each projected column, located from the offset index when the file
//! has one, else estimated from the column chunk's metadata. What the parquet
//! decoder then asks for is served from these reads; anything else is fetched on
//! demand, and what was prefetched is never fetched again.

use std::io::{Cursor, Read};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use parquet::errors::ParquetError;
use parquet::file::metadata::ParquetMetaData;
use parquet::file::reader::{ChunkReader, Length};

use super::parquet_guard::{self, PageCheck};
use super::source::{Counting, ObjectReader};
use crate::error::CoreError;
use crate::limits;

/// Bytes of the file's end fetched first, at least: a small CUR's footer with its
/// page indexes. A file this small or smaller is read whole, in one request.
pub const FOOTER_PREFETCH: u64 = 64 * 1024;
/// At most this much is fetched first, however large the file.
const FOOTER_PREFETCH_MAX: u64 = 1024 * 1024;

/// The first read of a file's end: the footer grows with the row groups, so with
/// the file (a 260 MB CUR file has a 170 KB footer and its page indexes before
/// it): 1/512 of the file, between [`FOOTER_PREFETCH`] and 1 MiB. A larger
/// footer costs one more request.
pub fn footer_prefetch(size: u64) -> u64 {
    (size / 512).clamp(FOOTER_PREFETCH, FOOTER_PREFETCH_MAX)
}

/// Ranges closer than this are fetched as one (as the parquet crate's async
/// reader and `object_store` coalesce): a round trip costs more than the gap.
pub const COALESCE_GAP: u64 = 1024 * 1024;
/// A footer longer than this is not prefetched (the decoder reads it itself, or
/// refuses it): a crafted length must not make us read gigabytes.
const FOOTER_PREFETCH_LIMIT: u64 = limits::PARQUET_FOOTER_BYTES;
/// The sample's planned read is skipped (pages are then read on demand) when the
/// ranges the metadata names add up to more than this: crafted offsets must
/// not make one read swallow the file.
const SAMPLE_PREFETCH_LIMIT: u64 = 64 * 1024 * 1024;
/// Without an offset index the first data page's end is unknown: beyond the
/// share of the chunk the sampled rows take (twice over), this much more.
const FIRST_PAGE_MARGIN: u64 = 64 * 1024;
/// Page headers are small: on a read nothing prefetched covers, they are
/// fetched in blocks this size, so the page body after them is not read twice.
const HEADER_BLOCK: u64 = 512;
/// Beyond this a page header is not checked further (the decoder refuses it).
const MAX_PAGE_HEADER: u64 = 1024 * 1024;

/// The byte ranges already fetched from one file, shared with its reader.
#[derive(Clone, Default)]
pub struct Prefetched(Arc<Mutex<Vec<(u64, Bytes)>>>);

impl Prefetched {
    fn buffers(&self) -> Vec<(u64, Bytes)> {
        self.0.lock().map(|b| b.clone()).unwrap_or_default()
    }

    /// Forgets everything fetched (a deep scan, column chunk after column chunk).
    pub fn clear(&self) {
        if let Ok(mut b) = self.0.lock() {
            b.clear();
        }
    }

    fn insert(&self, start: u64, bytes: Bytes) {
        if bytes.is_empty() {
            return;
        }
        if let Ok(mut b) = self.0.lock() {
            b.push((start, bytes));
            b.sort_by_key(|(s, _)| *s);
        }
    }

    /// The cached bytes from `start` to the end of the buffer holding `start`.
    fn tail_from(&self, start: u64) -> Option<Bytes> {
        self.buffers().into_iter().find_map(|(s, b)| {
            let end = s + b.len() as u64;
            (s <= start && start < end).then(|| b.slice((start - s) as usize..))
        })
    }

    /// The parts of `[start, end)` no buffer holds, in order.
    pub fn missing(&self, start: u64, end: u64) -> Vec<(u64, u64)> {
        let mut out = Vec::new();
        let mut pos = start;
        for (s, b) in self.buffers() {
            let e = s + b.len() as u64;
            if e <= pos {
                continue;
            }
            if s >= end {
                break;
            }
            if s > pos {
                out.push((pos, s.min(end)));
            }
            pos = pos.max(e);
            if pos >= end {
                break;
            }
        }
        if pos < end {
            out.push((pos, end));
        }
        out
    }

    /// `[start, end)` from the buffers, which must hold all of it.
    fn assemble(&self, start: u64, end: u64) -> Option<Bytes> {
        let buffers = self.buffers();
        if let Some((s, b)) = buffers
            .iter()
            .find(|(s, b)| *s <= start && end <= s + b.len() as u64)
        {
            return Some(b.slice((start - s) as usize..(end - s) as usize));
        }
        let mut out = Vec::with_capacity(usize::try_from(end - start).ok()?);
        let mut pos = start;
        while pos < end {
            let (s, b) = buffers
                .iter()
                .find(|(s, b)| *s <= pos && pos < s + b.len() as u64)?;
            let stop = end.min(s + b.len() as u64);
            out.extend_from_slice(&b[(pos - s) as usize..(stop - s) as usize]);
            pos = stop;
        }
        Some(Bytes::from(out))
    }
}

/// One Parquet object of a source, as the parquet crate reads it (clones share
/// what was fetched).
#[derive(Clone)]
pub struct ParquetObject {
    pub src: Counting,
    pub key: String,
    pub size: u64,
    pub cache: Prefetched,
    /// Where the offset index says pages start (their headers are checked on read).
    pub pages: PageStarts,
}

/// Page start offsets from the offset index, shared by a file's clones.
#[derive(Clone, Default)]
pub struct PageStarts(Arc<Mutex<rustc_hash::FxHashSet<u64>>>);

impl PageStarts {
    pub fn extend(&self, starts: impl IntoIterator<Item = u64>) {
        if let Ok(mut set) = self.0.lock() {
            set.extend(starts);
        }
    }

    fn contains(&self, start: u64) -> bool {
        self.0.lock().is_ok_and(|set| set.contains(&start))
    }
}

impl ParquetObject {
    pub fn new(src: &Counting, key: &str, size: u64) -> Self {
        ParquetObject {
            src: src.clone(),
            key: key.to_owned(),
            size,
            cache: Prefetched::default(),
            pages: PageStarts::default(),
        }
    }

    /// Checks the footer against the limits before the parquet crate parses it:
    /// its length, then its content (parquet_guard). What was read stays cached,
    /// so the crate parses the same bytes without reading them again.
    pub fn check_footer(&self) -> Result<(), crate::text::Text> {
        if self.size < 12 {
            return Ok(()); // the decoder says it is too small
        }
        let tail = self
            .read_bytes(self.size - 8, self.size)
            .map_err(|e| crate::text!("decode-unreadable", detail = e.to_string()))?;
        if &tail[4..] != b"PAR1" {
            return Ok(());
        }
        let len = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
        if len > limits::PARQUET_FOOTER_BYTES {
            return Err(crate::text!(
                "decode-parquet-footer-size",
                size = len,
                max = super::bounded::human_bytes(limits::PARQUET_FOOTER_BYTES)
            ));
        }
        if len + 12 > self.size {
            return Ok(()); // the decoder says the footer does not fit
        }
        let start = self.size - 8 - len;
        let footer = self
            .read_bytes(start, self.size)
            .map_err(|e| crate::text!("decode-unreadable", detail = e.to_string()))?;
        parquet_guard::check_footer(&footer[..len as usize])
            .map_err(|e| crate::text!("decode-parquet-footer", why = e))?;
        self.cache.insert(start, footer);
        Ok(())
    }

    /// Fetches what the cache lacks of each range: ranges (and the gaps between
    /// them) closer than [`COALESCE_GAP`] in one read; several reads in parallel.
    pub fn prefetch(&self, ranges: &[(u64, u64)]) -> Result<(), CoreError> {
        let mut wanted: Vec<(u64, u64)> = ranges
            .iter()
            .map(|&(s, e)| (s.min(self.size), e.min(self.size)))
            .filter(|(s, e)| s < e)
            .collect();
        wanted.sort_unstable();
        let mut merged: Vec<(u64, u64)> = Vec::new();
        for (s, e) in wanted {
            match merged.last_mut() {
                Some(last) if s <= last.1.saturating_add(COALESCE_GAP) => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let reads: Vec<(u64, u64)> = merged
            .iter()
            .flat_map(|&(s, e)| self.cache.missing(s, e))
            .collect();
        if reads.iter().map(|(s, e)| e - s).sum::<u64>() > SAMPLE_PREFETCH_LIMIT {
            return Ok(());
        }
        let fetch = |&(s, e): &(u64, u64)| -> Result<(), CoreError> {
            let bytes = self.src.read_range(&self.key, s, e - s)?;
            self.cache.insert(s, Bytes::from(bytes));
            Ok(())
        };
        if reads.len() <= 1 {
            return reads.iter().try_for_each(fetch);
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = reads
                .iter()
                .map(|r| scope.spawn(move || fetch(r)))
                .collect();
            handles.into_iter().try_for_each(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(CoreError::invalid(
                        crate::text!("parquet-err-stopped"),
                        crate::text!("parquet-fix-stopped"),
                    ))
                })
            })
        })
    }

    /// Reads the file's end (the whole file when small): the footer's request.
    /// When the footer is longer than that, one more read fetches the rest of it
    /// and as much again before it, where writers put the page indexes.
    pub fn prefetch_footer(&self) -> Result<(), CoreError> {
        let len = self.size.min(footer_prefetch(self.size));
        let tail_start = self.size - len;
        self.prefetch(&[(tail_start, self.size)])?;
        let Some(tail) = self.cache.assemble(self.size.saturating_sub(8), self.size) else {
            return Ok(());
        };
        if tail.len() < 8 || &tail[4..] != b"PAR1" {
            return Ok(()); // not Parquet: the decoder says so
        }
        let footer = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
        let footer_start = self.size.saturating_sub(8).saturating_sub(footer);
        if footer_start < tail_start && footer <= FOOTER_PREFETCH_LIMIT {
            let from = footer_start.saturating_sub(footer);
            self.prefetch(&[(from, tail_start)])?;
        }
        Ok(())
    }

    /// Whether the page indexes `meta` points to are all in what was fetched.
    pub fn has_page_index_cached(&self, meta: &ParquetMetaData) -> bool {
        let mut any = false;
        for group in meta.row_groups() {
            for col in group.columns() {
                let ranges = [
                    col.offset_index_offset().zip(col.offset_index_length()),
                    col.column_index_offset().zip(col.column_index_length()),
                ];
                for (offset, len) in ranges.into_iter().flatten() {
                    let (Ok(s), Ok(l)) = (u64::try_from(offset), u64::try_from(len)) else {
                        return false;
                    };
                    if !self.cache.missing(s, s.saturating_add(l)).is_empty() {
                        return false;
                    }
                    any = true;
                }
            }
        }
        any
    }
}

impl Length for ParquetObject {
    fn len(&self) -> u64 {
        self.size
    }
}

fn external(e: CoreError) -> ParquetError {
    ParquetError::External(Box::new(e))
}

impl ChunkReader for ParquetObject {
    type T = Box<dyn Read + Send>;

    /// Page headers are read through here: each is checked against the limits
    /// (parquet_guard) before the decoder trusts its sizes.
    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        let cached = self.cache.tail_from(start);
        let after = start + cached.as_ref().map_or(0, |c| c.len() as u64);
        let rest = ObjectReader::new(&self.src, &self.key, self.size, after, HEADER_BLOCK);
        let mut stream: Box<dyn Read + Send> = match cached {
            Some(cached) => {
                // A header within what was fetched is checked there: no request.
                match parquet_guard::check_page_header(&cached) {
                    PageCheck::Refused(refusal) => return Err(ParquetError::General(refusal.en())),
                    PageCheck::NeedMore => {}
                    PageCheck::Fine | PageCheck::Malformed => {
                        return Ok(Box::new(Cursor::new(cached).chain(rest)));
                    }
                }
                Box::new(Cursor::new(cached).chain(rest))
            }
            None => Box::new(rest),
        };
        let mut head = Vec::new();
        loop {
            let want = (head.len() as u64).max(HEADER_BLOCK);
            let got = (&mut stream)
                .take(want)
                .read_to_end(&mut head)
                .map_err(|e| ParquetError::External(Box::new(e)))?;
            // (The crate reads the footer's last 8 bytes through here too: not a
            // page header, so Malformed, left to the crate.)
            match parquet_guard::check_page_header(&head) {
                PageCheck::Fine | PageCheck::Malformed => break,
                // Too short to tell, at the end or past any real header's size:
                // the decoder reports the damage.
                PageCheck::NeedMore if got == 0 || head.len() as u64 >= MAX_PAGE_HEADER => break,
                PageCheck::NeedMore => {}
                PageCheck::Refused(refusal) => return Err(ParquetError::General(refusal.en())),
            }
        }
        Ok(Box::new(Cursor::new(head).chain(stream)))
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<Bytes> {
        let end = start.saturating_add(length as u64);
        if end > self.size {
            return Err(ParquetError::EOF(format!(
                "expected {length} bytes at offset {start}, the file ends at {}",
                self.size
            )));
        }
        if length as u64 > limits::PARQUET_PAGE_BYTES.max(limits::PARQUET_FOOTER_BYTES) {
            return Err(ParquetError::General(format!(
                "a read of {length} bytes is larger than any page or footer may be (the limit)"
            )));
        }
        let bytes = self.read_bytes(start, end)?;
        // A page the offset index located: its header comes with it.
        if self.pages.contains(start)
            && let PageCheck::Refused(refusal) = parquet_guard::check_page_header(&bytes)
        {
            return Err(ParquetError::General(refusal.en()));
        }
        Ok(bytes)
    }
}

impl ParquetObject {
    fn read_bytes(&self, start: u64, end: u64) -> parquet::errors::Result<Bytes> {
        let missing = self.cache.missing(start, end);
        if missing.is_empty() {
            return self
                .cache
                .assemble(start, end)
                .ok_or_else(|| ParquetError::General("a prefetched range was lost".into()));
        }
        // Read what is missing; keep only the prefetched ranges (a deep scan reads
        // the whole file, which must not pile up in memory).
        let fresh = Prefetched::default();
        for (s, e) in missing {
            let bytes = self.src.read_range(&self.key, s, e - s).map_err(external)?;
            if bytes.len() as u64 != e - s {
                return Err(ParquetError::EOF(format!(
                    "expected {} bytes at offset {s}, the file ends after {}",
                    e - s,
                    bytes.len()
                )));
            }
            fresh.insert(s, Bytes::from(bytes));
        }
        for (s, b) in self.cache.buffers() {
            if s < end && start < s + b.len() as u64 {
                fresh.insert(s, b);
            }
        }
        fresh
            .assemble(start, end)
            .ok_or_else(|| ParquetError::General("a read range was lost".into()))
    }
}

/// A column chunk's bytes `[start, end)`; `None` for negative offsets or sizes a
/// crafted file may hold (`byte_range()` asserts on them).
pub fn chunk_range(col: &parquet::file::metadata::ColumnChunkMetaData) -> Option<(u64, u64)> {
    let first = col
        .dictionary_page_offset()
        .unwrap_or(col.data_page_offset());
    let start = u64::try_from(first).ok()?;
    let len = u64::try_from(col.compressed_size()).ok()?;
    Some((start, start.saturating_add(len)))
}

/// Rows the parquet crate's record reader decodes at a time: it reads pages up
/// to this many rows of a row group, even when fewer are asked for.
const READER_BATCH: u64 = 1024;

/// The byte ranges the first `rows` rows of the leaf columns `columns` occupy:
/// per row group until `rows` are covered, from the column chunk's start (its
/// dictionary page) to the end of the last data page needed.
pub fn sample_ranges(meta: &ParquetMetaData, columns: &[usize], rows: u64) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    let mut before = 0u64;
    for (g, group) in meta.row_groups().iter().enumerate() {
        if before >= rows {
            break;
        }
        let need = (rows - before)
            .div_ceil(READER_BATCH)
            .saturating_mul(READER_BATCH);
        let group_rows = u64::try_from(group.num_rows()).unwrap_or(0);
        for &c in columns {
            if c >= group.num_columns() {
                continue;
            }
            let col = group.column(c);
            let Some((start, chunk_end)) = chunk_range(col) else {
                continue;
            };
            let index = meta.page_index_for_row_group(g);
            let end = match index.page_locations(c) {
                Some(pages) if !pages.is_empty() => pages
                    .iter()
                    .take_while(|p| u64::try_from(p.first_row_index).unwrap_or(0) < need)
                    .last()
                    .map_or(chunk_end, |p| {
                        p.offset
                            .checked_add(i64::from(p.compressed_page_size))
                            .and_then(|end| u64::try_from(end).ok())
                            .unwrap_or(chunk_end)
                    }),
                _ => {
                    // No page locations: the data's share for the rows needed, with room.
                    let data_start = u64::try_from(col.data_page_offset())
                        .unwrap_or(start)
                        .clamp(start, chunk_end);
                    let data_len = chunk_end - data_start;
                    let share = data_len
                        .saturating_mul(need.min(group_rows))
                        .checked_div(group_rows)
                        .unwrap_or(data_len);
                    data_start
                        .saturating_add(share.saturating_mul(2).saturating_add(FIRST_PAGE_MARGIN))
                }
            };
            out.push((start, end.min(chunk_end)));
        }
        before = before.saturating_add(group_rows);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_parts_and_assembly_across_buffers() {
        let p = Prefetched::default();
        p.insert(10, Bytes::from_static(b"abcde"));
        p.insert(20, Bytes::from_static(b"vwxyz"));
        assert_eq!(p.missing(0, 30), vec![(0, 10), (15, 20), (25, 30)]);
        assert_eq!(p.missing(11, 14), vec![]);
        assert_eq!(p.missing(12, 22), vec![(15, 20)]);
        p.insert(15, Bytes::from_static(b"fghij"));
        assert_eq!(p.missing(10, 25), vec![]);
        assert_eq!(p.assemble(12, 22).as_deref(), Some(&b"cdefghijvw"[..]));
        assert_eq!(p.assemble(0, 5), None);
        assert_eq!(p.tail_from(23).as_deref(), Some(&b"yz"[..]));
        assert!(p.tail_from(25).is_none());
    }

    #[test]
    fn planned_reads_coalesce_and_never_swallow_a_file() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        // A sparse 200 MB file: sizes are real, nothing is written.
        std::fs::File::create(tmp.path().join("f"))?.set_len(200 << 20)?;
        let src = Counting::new(std::sync::Arc::new(super::super::LocalFolder::new(
            tmp.path(),
        )?));
        let file = ParquetObject::new(&src, "f", 200 << 20);
        // Ranges a crafted footer could name: the whole file. Not read.
        file.prefetch(&[(0, 100 << 20), (100 << 20, 200 << 20)])?;
        assert_eq!((src.requests(), src.bytes_read()), (0, 0));
        // Close ranges: one read; a far one: a second, parallel read.
        file.prefetch(&[(0, 10), (500_000, 500_100), (150 << 20, (150 << 20) + 10)])?;
        assert_eq!((src.requests(), src.bytes_read()), (2, 500_100 + 10));
        // Served from what was read, without another request.
        use parquet::file::reader::ChunkReader;
        assert_eq!(file.get_bytes(5, 100)?.len(), 100);
        assert_eq!(src.requests(), 2);
        Ok(())
    }
}
