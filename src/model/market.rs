//! Hashprice from the market: bitcoin's price, the network difficulty, the block subsidy and fees.

/// Where the hashprice comes from: the hashprice slider, or the market formula.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HashpriceMode {
    /// The hashprice slider (USD per PH/s per day) is used as it is.
    #[default]
    Direct,
    /// The hashprice is derived by [`hashprice_usd_per_ph_day`] from price, difficulty, subsidy
    /// and fees.
    Market,
}

impl HashpriceMode {
    pub const ALL: [HashpriceMode; 2] = [HashpriceMode::Direct, HashpriceMode::Market];

    /// The toggle's value and the token in links and files: `direct` or `market`.
    pub fn as_str(self) -> &'static str {
        match self {
            HashpriceMode::Direct => "direct",
            HashpriceMode::Market => "market",
        }
    }

    /// The mode whose [`HashpriceMode::as_str`] is `text`.
    pub fn parse(text: &str) -> Option<HashpriceMode> {
        HashpriceMode::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// Hashes a difficulty of 1 takes on average: 2³².
pub const HASHES_PER_DIFFICULTY: f64 = 4_294_967_296.0;

/// Seconds in a day.
pub const SECONDS_PER_DAY: f64 = 86_400.0;

/// The block at which the subsidy next halves, from 3.125 to 1.5625 BTC (expected around April 2028).
pub const NEXT_HALVING_BLOCK: u64 = 1_050_000;

/// Hashprice from the market, in USD per PH/s per day:
/// 86 400 × 10¹⁵ / (D × 10¹² × 2³²) × (subsidy + fees) × price.
///
/// One PH/s makes 86 400 × 10¹⁵ hashes a day, and a block at difficulty D (given here in T, that
/// is 10¹²) takes D × 10¹² × 2³² hashes on average, so one PH/s finds that many blocks a day and
/// earns their subsidy and fees (BTC) at `btc_price_usd`. Difficulty is at least 1 T by its
/// field, so the division is safe; the worked example of the issue — 100 T, $100 000, 3.125 BTC,
/// no fees — gives 62.864.
pub fn hashprice_usd_per_ph_day(
    difficulty_t: f64,
    subsidy_btc: f64,
    fees_per_block_btc: f64,
    btc_price_usd: f64,
) -> f64 {
    let blocks_per_ph_day = SECONDS_PER_DAY * 1e15 / (difficulty_t * 1e12 * HASHES_PER_DIFFICULTY);
    blocks_per_ph_day * (subsidy_btc + fees_per_block_btc) * btc_price_usd
}

/// Written as its token, `direct` or `market`.
impl serde::Serialize for HashpriceMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
