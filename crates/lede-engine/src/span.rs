//! Byte spans over the analysed text.

/// A half-open range `start..end` of UTF-8 **byte** offsets into the analysed text.
///
/// Both ends always lie on `char` boundaries of the text the span was made
/// from, so slicing with [`ByteSpan::of`] never panics for that text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteSpan {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl ByteSpan {
    /// A span from `start` to `end` (half-open). `end` is clamped to be at least `start`.
    pub const fn new(start: usize, end: usize) -> ByteSpan {
        ByteSpan { start, end: if end < start { start } else { end } }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `""` if the span does not fit `text`
    /// (it never panics).
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Shrink the span so that it starts and ends on non-whitespace characters.
    pub fn trim(self, text: &str) -> ByteSpan {
        let s = self.of(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        let start = self.start + lead;
        ByteSpan::new(start, start + trimmed.len())
    }
}

/// Converts UTF-8 byte offsets of one text to Unicode code points and UTF-16 units and back.
///
/// It stores only the non-ASCII characters (where the three counts drift apart), so it is
/// small for mostly-ASCII text; each conversion is a binary search.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    marks: Vec<Mark>,
    len: usize,
}

/// One non-ASCII character: where it starts in each unit, and its widths.
#[derive(Clone, Copy, Debug)]
struct Mark {
    byte: u32,
    cp: u32,
    u16: u32,
    bytes: u8,
    units: u8,
}

impl OffsetMap {
    /// Build the map of `text` (texts up to 4 GiB).
    pub fn new(text: &str) -> OffsetMap {
        let mut marks = Vec::new();
        let (mut cp, mut u16, mut last) = (0u32, 0u32, 0usize);
        for (i, c) in text.char_indices() {
            if c.is_ascii() {
                continue;
            }
            // Every char between the last mark and this one is ASCII: one unit each.
            let gap = (i - last) as u32;
            cp += gap;
            u16 += gap;
            marks.push(Mark { byte: i as u32, cp, u16, bytes: c.len_utf8() as u8, units: c.len_utf16() as u8 });
            cp += 1;
            u16 += c.len_utf16() as u32;
            last = i + c.len_utf8();
        }
        OffsetMap { marks, len: text.len() }
    }

    /// Code-point offset of a byte offset on a char boundary (clamped to the text).
    pub fn to_code_points(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let k = self.marks.partition_point(|m| (m.byte as usize) < byte);
        match k.checked_sub(1).map(|k| self.marks[k]) {
            None => byte,
            Some(m) => m.cp as usize + 1 + byte.saturating_sub(m.byte as usize + usize::from(m.bytes)),
        }
    }

    /// UTF-16 offset of a byte offset on a char boundary (clamped to the text).
    pub fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let k = self.marks.partition_point(|m| (m.byte as usize) < byte);
        match k.checked_sub(1).map(|k| self.marks[k]) {
            None => byte,
            Some(m) => m.u16 as usize + usize::from(m.units) + byte.saturating_sub(m.byte as usize + usize::from(m.bytes)),
        }
    }

    /// Byte offset of a code-point offset; `None` when beyond the text.
    pub fn from_code_points(&self, cp: usize) -> Option<usize> {
        let k = self.marks.partition_point(|m| (m.cp as usize) < cp);
        let byte = match k.checked_sub(1).map(|k| self.marks[k]) {
            None => cp,
            Some(m) => m.byte as usize + usize::from(m.bytes) + (cp - m.cp as usize - 1),
        };
        (byte <= self.len).then_some(byte)
    }

    /// Byte offset of a UTF-16 offset; `None` when beyond the text or inside a surrogate pair.
    pub fn from_utf16(&self, unit: usize) -> Option<usize> {
        let k = self.marks.partition_point(|m| (m.u16 as usize) < unit);
        let byte = match k.checked_sub(1).map(|k| self.marks[k]) {
            None => unit,
            Some(m) => {
                let after = m.u16 as usize + usize::from(m.units);
                if unit < after {
                    return None;
                }
                m.byte as usize + usize::from(m.bytes) + (unit - after)
            }
        };
        (byte <= self.len).then_some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    #[test]
    fn offsets_convert_both_ways() {
        for text in ["", "plain ascii", "é", "a😀b", "北京 and 🇨🇳 flags", "e\u{301}x", "\u{10ffff}z", "\r\n×"] {
            let map = OffsetMap::new(text);
            let (mut cp, mut u16) = (0, 0);
            for (byte, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                assert_eq!(map.to_code_points(byte), cp, "{text:?} byte {byte}");
                assert_eq!(map.to_utf16(byte), u16, "{text:?} byte {byte}");
                assert_eq!(map.from_code_points(cp), Some(byte), "{text:?} cp {cp}");
                assert_eq!(map.from_utf16(u16), Some(byte), "{text:?} u16 {u16}");
                cp += 1;
                u16 += c.len_utf16();
            }
            assert_eq!(map.from_code_points(cp), None, "beyond the end");
        }
        let map = OffsetMap::new("a😀b");
        assert_eq!(map.from_utf16(2), None, "inside a surrogate pair");
    }
}
