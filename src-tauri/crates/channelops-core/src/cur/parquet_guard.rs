//! Checks a Parquet footer and page headers against [`crate::limits`] *before*
//! the parquet crate sees them. The crate trusts the sizes it reads: a schema
//! nested 100 000 deep overflows the stack while it builds the tree (an abort no
//! `catch_unwind` can stop), and a list, child count or page size claiming 2³¹
//! becomes one allocation of that size (an abort too). This walks the Thrift
//! compact encoding itself — iteratively where the input decides the depth — and
//! refuses what is past a limit, naming the limit.

use crate::limits;
use crate::text;
use crate::text::Text;

/// Why a footer or page header was refused: a sentence for the `readable` check.
pub type Refusal = Text;

/// Thrift compact protocol types.
mod ty {
    pub const STOP: u8 = 0;
    pub const TRUE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const BYTE: u8 = 3;
    pub const I16: u8 = 4;
    pub const I32: u8 = 5;
    pub const I64: u8 = 6;
    pub const DOUBLE: u8 = 7;
    pub const BINARY: u8 = 8;
    pub const LIST: u8 = 9;
    pub const SET: u8 = 10;
    pub const MAP: u8 = 11;
    pub const STRUCT: u8 = 12;
}

/// The input ended before the structure did (a page header may need more bytes).
fn short() -> Refusal {
    text!("decode-thrift-short")
}

struct Thrift<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Thrift<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Thrift { buf, pos: 0 }
    }

    fn remaining(&self) -> u64 {
        (self.buf.len() - self.pos) as u64
    }

    fn byte(&mut self) -> Result<u8, Refusal> {
        let b = *self.buf.get(self.pos).ok_or_else(short)?;
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, Refusal> {
        let mut out = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            out |= u64::from(b & 0x7f) << shift.min(63);
            if b & 0x80 == 0 {
                return Ok(out);
            }
        }
        Err(text!("decode-thrift-varint"))
    }

    fn zigzag(&mut self) -> Result<i64, Refusal> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn skip_bytes(&mut self, n: u64) -> Result<(), Refusal> {
        if n > self.remaining() {
            return Err(short());
        }
        self.pos += n as usize;
        Ok(())
    }

    /// A list or set header: (size, element type), the size checked against the
    /// limit and against the bytes left (every element takes at least one).
    fn list_header(&mut self) -> Result<(u64, u8), Refusal> {
        let h = self.byte()?;
        let size = match h >> 4 {
            15 => self.varint()?,
            n => u64::from(n),
        };
        if size > limits::PARQUET_LIST_ENTRIES {
            return Err(text!(
                "decode-thrift-list",
                size = size,
                max = limits::PARQUET_LIST_ENTRIES
            ));
        }
        if size > self.remaining() {
            return Err(short());
        }
        Ok((size, h & 0x0f))
    }

    /// Reads one field header: (field id, type); `None` at the struct's end.
    fn field(&mut self, last_id: &mut i16) -> Result<Option<(i16, u8)>, Refusal> {
        let h = self.byte()?;
        let kind = h & 0x0f;
        if kind == ty::STOP {
            return Ok(None);
        }
        let delta = h >> 4;
        let id = if delta == 0 {
            i16::try_from(self.zigzag()?).map_err(|_| text!("decode-thrift-field-id"))?
        } else {
            last_id.saturating_add(i16::from(delta))
        };
        *last_id = id;
        Ok(Some((id, kind)))
    }

    fn i32_value(&mut self, kind: u8) -> Result<i64, Refusal> {
        match kind {
            ty::I32 | ty::I16 | ty::I64 => self.zigzag(),
            _ => Err(text!("decode-thrift-field")),
        }
    }

    /// Skips a value of `kind`, at most `depth` structures deep.
    fn skip(&mut self, kind: u8, depth: usize) -> Result<(), Refusal> {
        if depth == 0 {
            return Err(text!("decode-thrift-depth", max = limits::THRIFT_DEPTH));
        }
        match kind {
            ty::TRUE | ty::FALSE => Ok(()),
            ty::BYTE => self.skip_bytes(1),
            ty::I16 | ty::I32 | ty::I64 => self.varint().map(|_| ()),
            ty::DOUBLE => self.skip_bytes(8),
            ty::BINARY => {
                let n = self.varint()?;
                self.skip_bytes(n)
            }
            ty::LIST | ty::SET => {
                let (size, elem) = self.list_header()?;
                for _ in 0..size {
                    self.skip_elem(elem, depth - 1)?;
                }
                Ok(())
            }
            ty::MAP => {
                let size = self.varint()?;
                if size == 0 {
                    return Ok(());
                }
                if size > limits::PARQUET_LIST_ENTRIES || size > self.remaining() {
                    return Err(text!("decode-thrift-map"));
                }
                let kinds = self.byte()?;
                for _ in 0..size {
                    self.skip_elem(kinds >> 4, depth - 1)?;
                    self.skip_elem(kinds & 0x0f, depth - 1)?;
                }
                Ok(())
            }
            ty::STRUCT => {
                let mut last = 0;
                while let Some((_, k)) = self.field(&mut last)? {
                    self.skip(k, depth - 1)?;
                }
                Ok(())
            }
            other => Err(text!("decode-thrift-type", kind = other)),
        }
    }

    /// A list element: booleans are one byte there, not part of a field header.
    fn skip_elem(&mut self, kind: u8, depth: usize) -> Result<(), Refusal> {
        match kind {
            ty::TRUE | ty::FALSE => self.skip_bytes(1),
            k => self.skip(k, depth),
        }
    }
}

/// Checks a footer (the Thrift `FileMetaData`): list sizes, the number of
/// column chunks, and the schema's size, child counts and depth.
pub fn check_footer(footer: &[u8]) -> Result<(), Refusal> {
    let mut t = Thrift::new(footer);
    let mut last = 0;
    let depth = limits::THRIFT_DEPTH;
    while let Some((id, kind)) = t.field(&mut last)? {
        match (id, kind) {
            (2, ty::LIST) => check_schema(&mut t)?,
            (4, ty::LIST) => {
                let (groups, elem) = t.list_header()?;
                let mut chunks = 0u64;
                for _ in 0..groups {
                    if elem != ty::STRUCT {
                        return Err(text!("decode-parquet-row-groups"));
                    }
                    let mut last = 0;
                    while let Some((id, kind)) = t.field(&mut last)? {
                        if (id, kind) == (1, ty::LIST) {
                            let (n, elem) = t.list_header()?;
                            chunks = chunks.saturating_add(n);
                            if chunks > limits::PARQUET_COLUMN_CHUNKS {
                                return Err(text!(
                                    "decode-parquet-chunks",
                                    max = limits::PARQUET_COLUMN_CHUNKS
                                ));
                            }
                            for _ in 0..n {
                                t.skip_elem(elem, depth - 2)?;
                            }
                        } else {
                            t.skip(kind, depth - 2)?;
                        }
                    }
                }
            }
            _ => t.skip(kind, depth)?,
        }
    }
    Ok(())
}

/// The schema: a flattened tree (each element says how many children follow).
/// Checked without recursion: its size, every child count, its depth.
fn check_schema(t: &mut Thrift<'_>) -> Result<(), Refusal> {
    let (n, elem) = t.list_header()?;
    if n as usize > limits::PARQUET_SCHEMA_ELEMENTS {
        return Err(text!(
            "decode-parquet-schema-size",
            n = n,
            max = limits::PARQUET_SCHEMA_ELEMENTS
        ));
    }
    if elem != ty::STRUCT {
        return Err(text!("decode-parquet-schema"));
    }
    // Children still expected at each open level of the tree.
    let mut open: Vec<u64> = Vec::new();
    for i in 0..n {
        let mut children = 0i64;
        let mut last = 0;
        while let Some((id, kind)) = t.field(&mut last)? {
            if id == 5 {
                children = t.i32_value(kind)?;
            } else {
                t.skip(kind, limits::THRIFT_DEPTH)?;
            }
        }
        if i > 0 {
            while open.last() == Some(&0) {
                open.pop();
            }
            match open.last_mut() {
                Some(left) => *left -= 1,
                None => return Err(text!("decode-parquet-schema-tree")),
            }
        }
        let after = n - i - 1;
        if children < 0 || children as u64 > after {
            return Err(text!(
                "decode-parquet-children",
                children = children,
                after = after
            ));
        }
        if children > 0 || i == 0 {
            open.push(children as u64);
            if open.len() > limits::PARQUET_SCHEMA_DEPTH {
                return Err(text!(
                    "decode-parquet-schema-depth",
                    max = limits::PARQUET_SCHEMA_DEPTH
                ));
            }
        }
    }
    Ok(())
}

/// What a page header's check found.
#[derive(Debug, PartialEq, Eq)]
pub enum PageCheck {
    /// Both sizes within the limits.
    Fine,
    /// `bytes` ends before the header does: read more and ask again.
    NeedMore,
    /// Not a page header this walk can read: the decoder reports the damage.
    Malformed,
    /// A size past a limit or negative: refused before the decoder allocates it.
    Refused(Refusal),
}

/// Checks a page header at the start of `bytes`: both page sizes within
/// [`limits::PARQUET_PAGE_BYTES`] and not negative.
pub fn check_page_header(bytes: &[u8]) -> PageCheck {
    let mut t = Thrift::new(bytes);
    let mut last = 0;
    let mut sizes = Vec::with_capacity(2);
    let walk = (|| {
        while let Some((id, kind)) = t.field(&mut last)? {
            if id == 2 || id == 3 {
                sizes.push(t.i32_value(kind)?);
            } else {
                t.skip(kind, limits::THRIFT_DEPTH)?;
            }
        }
        Ok::<(), Refusal>(())
    })();
    match walk {
        Err(e) if e == short() => return PageCheck::NeedMore,
        Err(_) => return PageCheck::Malformed,
        Ok(()) => {}
    }
    match sizes
        .into_iter()
        .find(|&size| size < 0 || size as u64 > limits::PARQUET_PAGE_BYTES)
    {
        Some(size) => PageCheck::Refused(text!(
            "decode-parquet-page-size",
            size = size,
            max = super::bounded::human_bytes(limits::PARQUET_PAGE_BYTES)
        )),
        None => PageCheck::Fine,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::cur::fixtures::thrift::{self, V};

    fn element(i: usize, children: i64) -> V {
        V::Struct(vec![
            (4, V::Bin(format!("c{i}").into_bytes())),
            (5, V::I32(children)),
        ])
    }

    /// A footer whose schema is `children[i]` children per element.
    fn footer(children: &[i64]) -> Vec<u8> {
        let schema = children
            .iter()
            .enumerate()
            .map(|(i, c)| element(i, *c))
            .collect();
        thrift::encode(&V::Struct(vec![
            (1, V::I32(1)),
            (2, V::List(thrift::STRUCT, schema)),
        ]))
    }

    #[test]
    fn a_sane_schema_passes_and_a_deep_or_bloated_one_is_refused() {
        assert_eq!(check_footer(&footer(&[2, 0, 1, 0])), Ok(()));
        // 100 000 levels: refused at the limit, without recursion.
        let mut deep = vec![1i64; 100_000];
        deep.push(0);
        let err = check_footer(&footer(&deep)).unwrap_err();
        assert!(err.en().contains("elements, more than"), "{err}");
        let mut deep = vec![1i64; limits::PARQUET_SCHEMA_DEPTH + 1];
        deep.push(0);
        let err = check_footer(&footer(&deep)).unwrap_err();
        assert!(err.en().contains("nests deeper than 32"), "{err}");
        let err = check_footer(&footer(&[i64::from(i32::MAX), 0])).unwrap_err();
        assert!(err.en().contains("claims 2147483647 children"), "{err}");
        let err = check_footer(&footer(&[-3, 0])).unwrap_err();
        assert!(err.en().contains("claims -3 children"), "{err}");
        assert!(
            check_footer(&footer(&[1, 0, 0]))
                .unwrap_err()
                .en()
                .contains("outside its tree")
        );
    }

    #[test]
    fn list_claims_are_checked_before_anything_is_allocated() {
        let claim = |n: u64| {
            let mut out = thrift::encode(&V::Struct(vec![(2, V::Claim(thrift::STRUCT, n))]));
            out.pop(); // no stop: the claimed entries would follow
            out
        };
        let err = check_footer(&claim(u64::from(u32::MAX))).unwrap_err();
        assert!(err.en().contains("4294967295 entries"), "{err}");
        assert_eq!(check_footer(&claim(1000)).unwrap_err(), short());
        // Structures nested past the limit in an unknown field.
        let mut nested = V::Struct(vec![]);
        for _ in 0..100 {
            nested = V::Struct(vec![(1, nested)]);
        }
        let err = check_footer(&thrift::encode(&nested)).unwrap_err();
        assert!(err.en().contains("nests deeper"), "{err}");
    }

    #[test]
    fn page_headers_with_absurd_sizes_are_refused() {
        let header = |unc: i64, comp: i64| {
            thrift::encode(&V::Struct(vec![
                (1, V::I32(0)),
                (2, V::I32(unc)),
                (3, V::I32(comp)),
            ]))
        };
        assert_eq!(check_page_header(&header(1000, 500)), PageCheck::Fine);
        let full = header(1000, 500);
        assert_eq!(check_page_header(&full[..3]), PageCheck::NeedMore);
        assert_eq!(check_page_header(b"\x9d\0\0\0PAR1"), PageCheck::Malformed);
        let refused = |h: Vec<u8>| match check_page_header(&h) {
            PageCheck::Refused(why) => why,
            other => panic!("not refused: {other:?}"),
        };
        assert!(
            refused(header(i64::from(i32::MAX), 10))
                .en()
                .contains("2147483647")
        );
        assert!(refused(header(10, -5)).en().contains("-5"));
    }
}
