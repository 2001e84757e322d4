//! A raw LZMA decoder (the "LZMA1" of xz and Python's `lzma`), built to wasm for the single file.
//!
//! The single file (scripts/single_file.py) carries the app's wasm LZMA-packed: LZMA takes it to
//! about a third of its size where the best deflate reaches 40 % more, and browsers can only
//! inflate deflate and gzip natively. This decoder, compiled to a wasm of a few KB and inlined
//! unpacked, restores the app's wasm before it starts. It decodes one whole buffer in memory,
//! so the output is its own dictionary and there is no window to wrap around; it allocates
//! nothing, which keeps it `no_std` in the browser.
//!
//! The steps follow the LZMA specification (Igor Pavlov's `LzmaSpec.cpp` describes the same
//! decoder); the names below are the specification's.
#![cfg_attr(target_arch = "wasm32", no_std)]

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum Error {
    /// The first byte of an LZMA stream is always zero.
    NotLzma = 1,
    /// The literal-context and literal-position bits add up to more than 4, or the position
    /// bits exceed 4: more probability models than this decoder holds.
    Unsupported = 2,
    /// The stream ended before its stated size was decoded.
    Truncated = 3,
    /// A match reaches before the first byte.
    BadDistance = 4,
    /// A match or the end marker does not fit the stated size.
    WrongSize = 5,
}

/// Probability models besides the literals: is-match and is-rep0-long for 12 states × 16
/// position states, four rep choices for 12 states, 4 × 64 distance slots, 115 special distance
/// models, 16 alignment models, and two length decoders.
const OTHER_MODELS: usize = 2 * 12 * 16 + 4 * 12 + 4 * 64 + 115 + 16 + 2 * LENGTH_MODELS;
/// A length decoder: two choices, 8 short and 8 middle lengths per position state, 256 long ones.
const LENGTH_MODELS: usize = 2 + 2 * 16 * 8 + 256;
/// The literal models when lc + lp = 4, the most this decoder (and LZMA2) allows.
const LITERAL_MODELS: usize = 0x300 << 4;

/// The range decoder and the adaptive bit models it reads with.
struct Decoder<'a> {
    input: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
    probs: [u16; LITERAL_MODELS + OTHER_MODELS],
}

impl Decoder<'_> {
    /// The next input byte; past the end, zero (the caller checks `at` once at the end, which
    /// keeps a branch that never fails out of the innermost loop).
    #[inline(always)]
    fn byte(&mut self) -> u8 {
        let b = self.input.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.byte());
        }
    }

    /// One adaptive bit: `probs[i]` is the 11-bit probability that the bit is 0.
    #[inline(always)]
    fn bit(&mut self, i: usize) -> u32 {
        let p = u32::from(self.probs[i]);
        let bound = (self.range >> 11) * p;
        let b = if self.code < bound {
            self.range = bound;
            self.probs[i] = (p + ((2048 - p) >> 5)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            self.probs[i] = (p - (p >> 5)) as u16;
            1
        };
        self.normalize();
        b
    }

    /// `count` bits of equal probability, most significant first.
    fn direct(&mut self, count: u32) -> u32 {
        let mut result = 0;
        for _ in 0..count {
            self.range >>= 1;
            let b = u32::from(self.code >= self.range);
            self.code -= self.range & b.wrapping_neg();
            result = (result << 1) | b;
            self.normalize();
        }
        result
    }

    /// A symbol of `bits` bits through a binary tree of models starting at `base`.
    #[inline(always)]
    fn tree(&mut self, base: usize, bits: u32) -> u32 {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(base + m as usize);
        }
        m - (1 << bits)
    }

    /// The same tree read least significant bit first (the low bits of distances).
    fn reverse_tree(&mut self, base: usize, bits: u32) -> u32 {
        let mut m = 1;
        let mut symbol = 0;
        for i in 0..bits {
            let b = self.bit(base + m as usize);
            m = (m << 1) | b;
            symbol |= b << i;
        }
        symbol
    }
}

/// Where each group of models starts in `Decoder::probs`.
const IS_MATCH: usize = 0;
const IS_REP0_LONG: usize = IS_MATCH + 12 * 16;
const IS_REP: usize = IS_REP0_LONG + 12 * 16;
const IS_REP_G0: usize = IS_REP + 12;
const IS_REP_G1: usize = IS_REP_G0 + 12;
const IS_REP_G2: usize = IS_REP_G1 + 12;
const POS_SLOTS: usize = IS_REP_G2 + 12;
const POS_SPECIAL: usize = POS_SLOTS + 4 * 64;
const ALIGN: usize = POS_SPECIAL + 115;
const MATCH_LENGTHS: usize = ALIGN + 16;
const REP_LENGTHS: usize = MATCH_LENGTHS + LENGTH_MODELS;
const LITERALS: usize = REP_LENGTHS + LENGTH_MODELS;

impl Decoder<'_> {
    /// A match length minus the minimum of 2, from the length decoder at `base`.
    fn length(&mut self, base: usize, pos_state: usize) -> u32 {
        if self.bit(base) == 0 {
            return self.tree(base + 2 + (pos_state << 3), 3);
        }
        if self.bit(base + 1) == 0 {
            return 8 + self.tree(base + 2 + 16 * 8 + (pos_state << 3), 3);
        }
        16 + self.tree(base + 2 + 2 * 16 * 8, 8)
    }

    /// A match distance minus one, given its length minus 2; `u32::MAX` is the end marker.
    fn distance(&mut self, len: u32) -> u32 {
        let slot = self.tree(POS_SLOTS + ((len.min(3) as usize) << 6), 6);
        if slot < 4 {
            return slot;
        }
        let bits = (slot >> 1) - 1;
        let dist = (2 | (slot & 1)) << bits;
        if slot < 14 {
            return dist + self.reverse_tree(POS_SPECIAL + (dist - slot) as usize, bits);
        }
        let high = self.direct(bits - 4) << 4;
        dist.wrapping_add(high).wrapping_add(self.reverse_tree(ALIGN, 4))
    }
}

/// Decodes `packed` into the whole of `out`, with `lc`, `lp`, `pb` the literal-context,
/// literal-position and position bits it was packed with. The stream may or may not end with
/// an end marker.
pub fn unpack(packed: &[u8], out: &mut [u8], lc: u32, lp: u32, pb: u32) -> Result<(), Error> {
    if lc + lp > 4 || pb > 4 {
        return Err(Error::Unsupported);
    }
    if packed.first() != Some(&0) {
        return Err(Error::NotLzma);
    }
    let mut d =
        Decoder { input: packed, at: 1, range: u32::MAX, code: 0, probs: [1024; LITERAL_MODELS + OTHER_MODELS] };
    for _ in 0..4 {
        d.code = (d.code << 8) | u32::from(d.byte());
    }
    let (pb_mask, lp_mask) = ((1 << pb) - 1, (1 << lp) - 1);
    let mut state = 0usize;
    let mut reps = [0u32; 4];
    let mut pos = 0usize;
    loop {
        // A stream without an end marker ends where its stated size is reached and the range
        // decoder has consumed it exactly; one with a marker goes on to read it below.
        if pos == out.len() && d.code == 0 {
            break;
        }
        let pos_state = pos & pb_mask;
        if d.bit(IS_MATCH + (state << 4) + pos_state) == 0 {
            if pos == out.len() {
                return Err(Error::WrongSize);
            }
            // A literal byte, in the context of the previous byte and the position.
            let prev = if pos > 0 { u32::from(out[pos - 1]) } else { 0 };
            let base = LITERALS + 0x300 * (((pos & lp_mask) << lc) + (prev >> (8 - lc)) as usize);
            let mut symbol = 1u32;
            if state >= 7 {
                // Right after a match, the byte at the match distance predicts this one bit by
                // bit, until the first bit that differs.
                let mut match_byte = u32::from(out[pos - reps[0] as usize - 1]);
                while symbol < 0x100 {
                    let match_bit = (match_byte >> 7) & 1;
                    match_byte <<= 1;
                    let b = d.bit(base + (((1 + match_bit) << 8) + symbol) as usize);
                    symbol = (symbol << 1) | b;
                    if match_bit != b {
                        break;
                    }
                }
            }
            while symbol < 0x100 {
                symbol = (symbol << 1) | d.bit(base + symbol as usize);
            }
            out[pos] = symbol as u8;
            pos += 1;
            state = match state {
                0..=3 => 0,
                4..=9 => state - 3,
                _ => state - 6,
            };
            continue;
        }
        let len;
        if d.bit(IS_REP + state) != 0 {
            if pos == 0 {
                return Err(Error::BadDistance);
            }
            if d.bit(IS_REP_G0 + state) == 0 {
                if d.bit(IS_REP0_LONG + (state << 4) + pos_state) == 0 {
                    // A "short rep": one byte from the last distance.
                    if pos == out.len() {
                        return Err(Error::WrongSize);
                    }
                    state = if state < 7 { 9 } else { 11 };
                    out[pos] = out[pos - reps[0] as usize - 1];
                    pos += 1;
                    continue;
                }
            } else {
                // Rep 1, 2 or 3 moves to the front of the recent distances.
                let which = if d.bit(IS_REP_G1 + state) == 0 {
                    1
                } else if d.bit(IS_REP_G2 + state) == 0 {
                    2
                } else {
                    3
                };
                let dist = reps[which];
                reps.copy_within(0..which, 1);
                reps[0] = dist;
            }
            len = d.length(REP_LENGTHS, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            reps.copy_within(0..3, 1);
            len = d.length(MATCH_LENGTHS, pos_state);
            state = if state < 7 { 7 } else { 10 };
            reps[0] = d.distance(len);
            if reps[0] == u32::MAX {
                break;
            }
        }
        let (len, dist) = (len as usize + 2, reps[0] as usize + 1);
        if dist > pos {
            return Err(Error::BadDistance);
        }
        if len > out.len() - pos {
            return Err(Error::WrongSize);
        }
        for i in pos..pos + len {
            out[i] = out[i - dist];
        }
        pos += len;
    }
    if d.at > packed.len() {
        return Err(Error::Truncated);
    }
    if pos != out.len() {
        return Err(Error::WrongSize);
    }
    Ok(())
}

/// The browser's entry: decodes `packed_len` bytes at `packed` into `out_len` bytes at `out`,
/// both in this module's memory (the page grows it and copies the stream in). Returns 0, or
/// the `Error` as a number.
///
/// # Safety
/// Both ranges must lie inside this module's memory and not overlap.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn unpack_in_memory(
    packed: *const u8,
    packed_len: usize,
    out: *mut u8,
    out_len: usize,
    lc: u32,
    lp: u32,
    pb: u32,
) -> i32 {
    // SAFETY: the caller promises two disjoint ranges of this module's memory.
    let (packed, out) =
        unsafe { (core::slice::from_raw_parts(packed, packed_len), core::slice::from_raw_parts_mut(out, out_len)) };
    match unpack(packed, out, lc, lp, pb) {
        Ok(()) => 0,
        Err(e) => e as i32,
    }
}

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
