//! The NER model file: a UTF-8 text header, a marker line, then the binary payload.
//!
//! This file is shared, through `#[path]`, by the crate and by its `build.rs` (which
//! validates the committed model before compiling): it uses nothing but `core`/`std`.
//!
//! Payload layout (all integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `LEDENER\x01` |
//! | 4 | format version |
//! | 4 | feature-set version (the templates the weights were trained with) |
//! | 1 | bucket bits B (the table has 2^B buckets) |
//! | 1 | number of tags (9) |
//! | 1 | bytes per weight (1: i8, 2: i16) |
//! | 1 | reserved (0) |
//! | 4 | scale (f32: a weight is `q * scale`) |
//! | 2^B × tags × bytes | quantised weights, bucket-major |
//! | (tags + 1) × tags × 4 | transitions (i32, same scale), row 0 = sentence start |
//! | 8 | FNV-1a 64 checksum of every payload byte before it |

/// First bytes of the payload.
pub(crate) const MAGIC: &[u8; 8] = b"LEDENER\x01";
/// Version of the payload layout.
pub(crate) const VERSION: u32 = 1;
/// Version of the feature templates; bump it whenever a template changes.
pub(crate) const FEATURE_VERSION: u32 = 4;
/// The line that ends the text header.
pub(crate) const MARKER: &[u8] = b"\n==== end of header: binary model follows ====\n";
/// Number of BIO tags.
pub(crate) const NTAGS: usize = 9;
/// Bytes of the fixed part of the payload before the weights.
const FIXED: usize = 8 + 4 + 4 + 4 + 4;
/// Largest table accepted (2^24 buckets).
const MAX_BITS: u8 = 24;

/// Where the parts of a model file are.
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    /// log2 of the number of buckets.
    pub(crate) bits: u8,
    /// 1 (i8) or 2 (i16).
    pub(crate) weight_bytes: u8,
    /// Multiply a quantised weight by this to get the trained weight.
    pub(crate) scale: f32,
    /// Byte range of the weights in the file.
    pub(crate) weights: (usize, usize),
    /// Byte range of the transitions in the file.
    pub(crate) transitions: (usize, usize),
}

/// FNV-1a, 64 bits.
pub(crate) fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Check a whole model file (header, marker, payload) and say where its parts are.
pub(crate) fn locate(file: &[u8]) -> Result<Layout, String> {
    let start = file.windows(MARKER.len()).position(|w| w == MARKER).ok_or("no end-of-header marker line")? + MARKER.len();
    let p = &file[start..];
    if p.len() < FIXED + 8 {
        return Err(format!("payload too short ({} bytes)", p.len()));
    }
    if &p[..8] != MAGIC {
        return Err("bad magic (not a Lede NER model)".into());
    }
    let version = u32_at(p, 8);
    if version != VERSION {
        return Err(format!("format version {version}, expected {VERSION}"));
    }
    let features = u32_at(p, 12);
    if features != FEATURE_VERSION {
        return Err(format!("feature-set version {features}, this engine has {FEATURE_VERSION}"));
    }
    let (bits, ntags, weight_bytes) = (p[16], p[17], p[18]);
    if bits > MAX_BITS || usize::from(ntags) != NTAGS || !(weight_bytes == 1 || weight_bytes == 2) {
        return Err(format!("bad table shape: bits {bits}, tags {ntags}, bytes per weight {weight_bytes}"));
    }
    let scale = f32::from_le_bytes([p[20], p[21], p[22], p[23]]);
    if !scale.is_finite() || scale < 0.0 {
        return Err(format!("bad scale {scale}"));
    }
    let nweights = (1usize << bits) * NTAGS * usize::from(weight_bytes);
    let ntrans = (NTAGS + 1) * NTAGS * 4;
    let expected = FIXED + nweights + ntrans + 8;
    if p.len() != expected {
        return Err(format!("payload is {} bytes, expected {expected}", p.len()));
    }
    let body = expected - 8;
    let sum = u64::from_le_bytes(p[body..].try_into().map_err(|_| "checksum")?);
    if fnv64(&p[..body]) != sum {
        return Err("checksum mismatch (file damaged or edited)".into());
    }
    let w0 = start + FIXED;
    Ok(Layout { bits, weight_bytes, scale, weights: (w0, w0 + nweights), transitions: (w0 + nweights, w0 + nweights + ntrans) })
}

/// The payload (from the magic to the checksum) for the given table.
/// `weights` holds the quantised weights already in little-endian bytes.
pub(crate) fn encode(bits: u8, weight_bytes: u8, scale: f32, weights: &[u8], transitions: &[i32]) -> Vec<u8> {
    let mut p = Vec::with_capacity(FIXED + weights.len() + transitions.len() * 4 + 8);
    p.extend_from_slice(MAGIC);
    p.extend_from_slice(&VERSION.to_le_bytes());
    p.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    p.extend_from_slice(&[bits, NTAGS as u8, weight_bytes, 0]);
    p.extend_from_slice(&scale.to_le_bytes());
    p.extend_from_slice(weights);
    for t in transitions {
        p.extend_from_slice(&t.to_le_bytes());
    }
    let sum = fnv64(&p);
    p.extend_from_slice(&sum.to_le_bytes());
    p
}
