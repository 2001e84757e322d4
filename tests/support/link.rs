//! Hand-made scenario links for tests: a body signed the way the page signs its links.

use sitecost::model::codec::crc32;

/// Signs a hand-made link body the way `encode_link` does: the body, `~`, its CRC-32 in hex.
pub fn signed(body: &str) -> String {
    format!("{body}~{:08x}", crc32(body.as_bytes()))
}
