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
