//! The declarations of every numeric input: the fleet's (`GlobalField`) and each region's (`RegionField`).

use super::{FieldSpec, Group};

/// What every declaration shares unless it says otherwise.
const BASE: FieldSpec = FieldSpec {
    name: "",
    key: "",
    label: "",
    unit: "",
    min: 0.0,
    max: 0.0,
    step: 1.0,
    default: 0.0,
    source: "",
    group: Group::Fleet,
    since: 2,
    old_names: &[],
};

declare_fields! {
    /// Numeric inputs that apply to the whole fleet (each one a slider and a typed field).
    enum GlobalField;
    /// One value per [`GlobalField`]; percentages are kept as the user typed them.
    struct GlobalValues;

    /// The hashprice used in direct mode, USD per PH/s per day.
    Hashprice hashprice_usd_per_ph_day {
        key: "hashprice", label: "Hashprice", unit: "USD/PH/day", max: 150.0, step: 0.01, default: 39.83,
        source: "The market formula at the November 2025 market defaults below: $39.83/PH/day (Luxor's monthly \
                 average for November 2025 was $39.82).",
        group: Group::DirectHashprice, since: 1
    }
    // The efficiency and PUE minimums are above zero because both divide in the formulas.
    Efficiency efficiency_j_per_th {
        key: "efficiency", label: "Fleet efficiency", unit: "J/TH", min: 5.0, max: 60.0, step: 0.1, default: 21.5,
        source: "Antminer S19 XP, 140 TH/s at 3 010 W: 21.5 J/TH (Bitmain specification, 2022).",
        group: Group::Machines, since: 1
    }
    Pue pue {
        key: "pue", label: "PUE (overhead)", unit: "\u{d7}", min: 1.0, max: 2.0, step: 0.01, default: 1.1,
        source: "Assumption: air-cooled site, 10% of power for cooling and losses.", since: 1
    }
    PoolFee pool_fee_pct {
        key: "pool-fee", label: "Pool fee", unit: "%", max: 10.0, step: 0.1, default: 2.0,
        source: "Assumption: a typical FPPS pool fee of 2%.", since: 1
    }
    FleetMw fleet_mw {
        key: "fleet-mw", label: "Fleet size", unit: "MW", max: 2000.0, default: 300.0,
        source: "Assumption: a mid-sized fleet leaving Kazakhstan.", since: 1
    }
    /// Bitcoin's price in USD, for the market hashprice.
    BtcPrice btc_price_usd {
        key: "btc-price", label: "BTC price", unit: "USD", max: 1_000_000.0, step: 1.0, default: 96_532.0,
        source: "Average price of November 2025: $96 532 (Luxor, Hashrate Lookback Series, November 2025).",
        group: Group::Market
    }
    /// Network difficulty in T (10¹²), for the market hashprice; it divides, so its minimum is above zero.
    Difficulty difficulty_t {
        key: "difficulty", label: "Network difficulty", unit: "T", min: 1.0, max: 2000.0, step: 0.01, default: 153.33,
        source: "Average difficulty of November 2025: 153.33 T (Luxor, Hashrate Lookback Series, November 2025).",
        group: Group::Market
    }
    /// Block subsidy in BTC before the halving; the step is fine enough for 1.5625 BTC.
    Subsidy subsidy_btc {
        key: "subsidy", label: "Block subsidy", unit: "BTC", max: 50.0, step: 0.0001, default: 3.125,
        source: "3.125 BTC per block since the halving of April 2024 (block 840 000).", group: Group::Reward
    }
    /// Average transaction fees per block in BTC.
    FeesPerBlock fees_per_block_btc {
        key: "fees-per-block", label: "Fees per block", unit: "BTC", max: 10.0, step: 0.001, default: 0.02,
        source: "November 2025: about 0.02 BTC a block, from 0.62 % of block rewards in the week to 3 November \
                 (Hashrate Index Roundup, 3 November 2025) and from Luxor's November averages (hashprice $39.82 at \
                 $96 532 and 153.33 T implies a reward of 3.144 BTC).",
        group: Group::Reward
    }
    // Growth rates stay above −100 % so that a difficulty or price never reaches zero (difficulty
    // divides); ±20 % a month is already a tenfold change in a year.
    /// Difficulty growth in % per month (negative for a falling difficulty), for the projection.
    DifficultyGrowth difficulty_growth_pct_per_month {
        key: "difficulty-growth", label: "Difficulty growth", unit: "%/month", min: -20.0, max: 20.0, step: 0.1,
        default: 2.5,
        source: "Calendar 2025: difficulty rose 35 %, from 109.8 T to 148.2 T (CoinWarz, reported by \
                 cryptonews.net, January 2026): 2.5 % a month.",
        group: Group::Projection
    }
    /// Bitcoin price change in % per month (negative for a falling price), for the projection.
    BtcPriceGrowth btc_price_growth_pct_per_month {
        key: "btc-price-growth", label: "BTC price change", unit: "%/month", min: -20.0, max: 20.0, step: 0.1,
        source: "Assumption: a flat bitcoin price.", group: Group::Projection
    }
    /// Difficulty growth in % per month from the halving month on, for the projection.
    DifficultyGrowthAfterHalving difficulty_growth_after_halving_pct_per_month {
        key: "difficulty-growth-after-halving", label: "Difficulty growth after the halving", unit: "%/month",
        min: -20.0, max: 20.0, step: 0.1, default: 1.5,
        source: "The first six to seven months after the last two halvings: +0.7 % a month after May 2020 (16.10 T \
                 to 16.79 T by 3 November 2020, CoinDesk) and +2.5 % after April 2024 (86.39 T to 101.65 T by \
                 10 November 2024, Hashrate Index); both began with two to three months of falling difficulty \
                 (\u{2212}2 % and \u{2212}8 %) while unprofitable machines switched off.", group: Group::Projection, since: 3
    }
    /// Price of new machines in USD per TH/s, for the upfront cost of a new deployment.
    UnitPrice unit_price_usd_per_th {
        key: "unit-price", label: "Machine price", unit: "USD/TH", max: 200.0, step: 0.1, default: 6.0,
        source: S19_XP_PRICE_SOURCE,
        group: Group::Machines
    }
    /// The machines' resale value at the end of the projection, % of their purchase price.
    ResidualValue residual_value_pct {
        key: "residual-value", label: "Residual value after 36 months", unit: "% of machine price", max: 100.0,
        default: 10.0,
        source: "Assumption: 10 %. An S19 XP sold at $75/TH in late-2021 pre-orders, $24/TH in June 2023 and \
                 near $6/TH in late 2025 (Hashrate Index): about a tenth of its price three to four years on.",
        group: Group::Machines, since: 3
    }
    /// Years over which machines and build-out are depreciated for tax, straight line.
    DepreciationYears depreciation_years {
        key: "depreciation-years", label: "Tax depreciation", unit: "years", min: 1.0, max: 20.0, step: 0.5,
        default: 3.0,
        source: "Assumption: three years, about the economic life of an ASIC generation (Hashrate Index's \
                 efficiency tiers lost 66\u{2013}85 % of their price within 18 months in 2022\u{2013}2023).",
        group: Group::Projection, since: 3
    }
    /// The rate at which later cash is discounted in the NPV, % per year.
    DiscountRate discount_rate_pct_per_year {
        key: "discount-rate", label: "Discount rate", unit: "%/year", max: 50.0, step: 0.5, default: 15.0,
        source: "Assumption: 15 % a year, a hurdle rate for an equity-financed business whose revenue swings with \
                 bitcoin; set your own cost of capital.",
        group: Group::Projection, since: 3
    }
}

/// The S19 XP preset's price: the default machine's, so that the default machine price and the
/// default machine agree.
pub const S19_XP_PRICE_SOURCE: &str =
    "Assumption: about $6/TH for a used Antminer S19 XP in late 2025. It sold at $75/TH in \
     late-2021 pre-orders and $24/TH in June 2023 (Hashrate Index); no late-2025 quote was found.";

/// The reason behind every starting value of a new site: a round value between the seed regions.
const TEMPLATE: &str = "Assumption: the round starting value of a new site, not a published figure; set your own.";

declare_fields! {
    /// Numeric inputs that each region has its own value of.
    enum RegionField;
    /// One value per [`RegionField`]. A seed region's values come from `regions.csv`; a new site
    /// starts at the declared defaults (its template).
    struct RegionValues;

    /// Power price, USD/kWh.
    Price price_usd_per_kwh {
        key: "price", label: "Power price", unit: "USD/kWh", max: 0.2, step: 0.001, default: 0.05,
        source: TEMPLATE, group: Group::Site, since: 1, old_names: &["power_usd_per_kwh"]
    }
    /// Facility power the region can take, MW.
    Cap cap_mw {
        key: "cap", label: "Capacity cap", unit: "MW", max: 1000.0, default: 50.0, source: TEMPLATE,
        group: Group::Site, since: 1
    }
    /// Share of hours with power outside the seasonal downtime, %.
    Uptime uptime_pct {
        key: "uptime", label: "Uptime", unit: "%", max: 100.0, default: 95.0, source: TEMPLATE, group: Group::Site,
        since: 1
    }
    /// Hosting and other operating costs besides power, USD per MW-month; paid whether or not the
    /// site has power.
    Opex opex_usd_per_mw_month {
        key: "opex", label: "Hosting and opex", unit: "USD/MW-month", max: 200_000.0, step: 100.0, default: 5000.0,
        source: TEMPLATE, group: Group::Costs
    }
    /// A levy on the power a miner uses, USD/kWh, paid on top of the power price.
    Levy levy_usd_per_kwh {
        key: "levy", label: "Power levy", unit: "USD/kWh", max: 0.1, step: 0.0001, source: TEMPLATE,
        group: Group::Costs
    }
    /// Months of the year without power (seasonal bans), 0–12, on top of the uptime.
    DowntimeMonths downtime_months {
        key: "downtime", label: "Seasonal downtime", unit: "months/year", max: 12.0, step: 0.5, source: TEMPLATE,
        group: Group::Costs
    }
    /// Income tax on a month's profit, in %.
    Tax tax_pct {
        key: "tax", label: "Income tax", unit: "%", max: 90.0, step: 0.01, default: 20.0, source: TEMPLATE,
        group: Group::Costs
    }
    /// Site build-out for a new deployment, USD per MW of facility power.
    Capex capex_usd_per_mw {
        key: "capex", label: "Site build-out", unit: "USD/MW", max: 5_000_000.0, step: 10_000.0, default: 400_000.0,
        source: TEMPLATE, group: Group::Costs
    }
    /// Freight in, import duties and installation to bring one MW of machines into the region, USD per MW.
    MoveCost move_cost_usd_per_mw {
        key: "move-cost", label: "Arrival: freight in, duties, installation", unit: "USD/MW", max: 2_000_000.0, step: 1000.0,
        default: 50_000.0, source: TEMPLATE, group: Group::Costs
    }
    /// Days the machines earn nothing while they are shipped in and installed.
    MoveDays move_days {
        key: "move-days", label: "Arrival downtime", unit: "days", max: 365.0, default: 60.0, source: TEMPLATE,
        group: Group::Costs
    }
    /// Decommissioning, local freight and export to take one MW of machines out of the region, USD per MW.
    ExitCost exit_cost_usd_per_mw {
        key: "exit-cost", label: "Exit: decommissioning, freight out, export", unit: "USD/MW", max: 2_000_000.0,
        step: 1000.0, default: 20_000.0, source: TEMPLATE, group: Group::Costs, since: 3
    }
    /// Days the machines earn nothing while they are taken down and shipped out of the region.
    ExitDays exit_days {
        key: "exit-days", label: "Exit downtime", unit: "days", max: 365.0, default: 14.0, source: TEMPLATE,
        group: Group::Costs, since: 3
    }
    /// The chance that the site is forced to shut for good in any year, %.
    PolicyRisk policy_risk_pct_per_year {
        key: "policy-risk", label: "Policy risk (forced shutdown)", unit: "%/year", max: 100.0, step: 0.5,
        default: 2.0, source: TEMPLATE, group: Group::Costs, since: 3
    }
    /// A demand-response credit, USD per MW-year: what a site with hourly prices earns for being
    /// able to switch off on call; a flat-price site earns none.
    DrCredit dr_credit_usd_per_mw_year {
        key: "dr-credit", label: "Demand-response credit (hourly prices only)", unit: "USD/MW-year", max: 200_000.0,
        step: 500.0, source: TEMPLATE, group: Group::Costs, since: 5
    }
}
