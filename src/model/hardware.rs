//! Mining hardware presets: hashrate and efficiency of common machines, each with its published specification.

/// The machine the fleet is made of. A preset fixes the fleet's efficiency; `Custom` leaves the
/// efficiency to its slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hardware {
    S19Xp,
    S21,
    S21Pro,
    S21Xp,
    M60S,
    Custom,
}

impl Hardware {
    /// Every choice, in the order of the select.
    pub const ALL: [Hardware; 6] =
        [Hardware::S19Xp, Hardware::S21, Hardware::S21Pro, Hardware::S21Xp, Hardware::M60S, Hardware::Custom];

    /// The select's value and the token in links and files; stable across releases.
    pub fn id(self) -> &'static str {
        match self {
            Hardware::S19Xp => "s19-xp",
            Hardware::S21 => "s21",
            Hardware::S21Pro => "s21-pro",
            Hardware::S21Xp => "s21-xp",
            Hardware::M60S => "m60s",
            Hardware::Custom => "custom",
        }
    }

    /// The choice whose [`Hardware::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Hardware> {
        Hardware::ALL.into_iter().find(|h| h.id() == id)
    }

    /// The name shown in the select.
    pub fn name(self) -> &'static str {
        match self {
            Hardware::S19Xp => "Antminer S19 XP",
            Hardware::S21 => "Antminer S21",
            Hardware::S21Pro => "Antminer S21 Pro",
            Hardware::S21Xp => "Antminer S21 XP",
            Hardware::M60S => "Whatsminer M60S",
            Hardware::Custom => "Custom",
        }
    }

    /// One machine's hashrate in TH/s; `None` for `Custom`.
    pub fn hashrate_th_s(self) -> Option<f64> {
        match self {
            Hardware::S19Xp => Some(140.0),
            Hardware::S21 => Some(200.0),
            Hardware::S21Pro => Some(234.0),
            Hardware::S21Xp => Some(270.0),
            Hardware::M60S => Some(186.0),
            Hardware::Custom => None,
        }
    }

    /// The machine's efficiency at the wall in J/TH; `None` for `Custom`.
    pub fn efficiency_j_per_th(self) -> Option<f64> {
        match self {
            Hardware::S19Xp => Some(21.5),
            Hardware::S21 => Some(17.5),
            Hardware::S21Pro => Some(15.0),
            Hardware::S21Xp => Some(13.5),
            Hardware::M60S => Some(18.5),
            Hardware::Custom => None,
        }
    }

    /// Where the figures come from; `None` for `Custom`, whose efficiency is the user's.
    pub fn source(self) -> Option<&'static str> {
        match self {
            Hardware::S19Xp => Some("Bitmain specification (2022): 140 TH/s at 3 010 W, 21.5 J/TH."),
            Hardware::S21 => Some("Bitmain specification (2023): 200 TH/s at 3 500 W, 17.5 J/TH."),
            Hardware::S21Pro => Some("Bitmain specification (2024): 234 TH/s at 3 510 W, 15 J/TH."),
            Hardware::S21Xp => Some("Bitmain specification (2024): 270 TH/s at 3 645 W, 13.5 J/TH."),
            Hardware::M60S => Some(
                "MicroBT specification (2023): 186 TH/s at about 3 440 W, 18.5 J/TH (\u{b1}5 %), \"about 18 J/TH\".",
            ),
            Hardware::Custom => None,
        }
    }
}

impl Hardware {
    /// A machine's price in USD per TH/s, which picking the preset puts in the machine price;
    /// `None` for `Custom`.
    pub fn price_usd_per_th(self) -> Option<f64> {
        self.priced().map(|p| p.0)
    }

    /// Where the price comes from, with its date; `None` for `Custom`.
    pub fn price_source(self) -> Option<&'static str> {
        self.priced().map(|p| p.1)
    }

    /// The preset's entry in [`PRICES`], which lists the presets in the order of [`Hardware::ALL`].
    fn priced(self) -> Option<(f64, &'static str)> {
        Hardware::ALL.iter().position(|&h| h == self).and_then(|i| PRICES.get(i)).copied()
    }
}

/// Price (USD per TH/s) and its dated source of each preset, in the order of [`Hardware::ALL`].
const PRICES: [(f64, &str); 5] = [
    (6.0, super::fields::S19_XP_PRICE_SOURCE),
    (14.0, "Bitmain's pre-order price of the S21, $14/TH (October 2023), the latest dated quote found."),
    (
        19.0,
        "Assumption: about $19/TH, between the S21 ($14/TH, October 2023) and the S21 XP ($25.70/TH, \
         November 2025), for its 15 J/TH.",
    ),
    (25.7, "Hashrate Index, quote of 3 November 2025: $25.70/TH for the S21 XP."),
    (13.0, "Assumption: about $13/TH, near the S21's price for its 18.5 J/TH (no dated quote of the M60S was found)."),
];

/// Written as its id (`s19-xp`, …, `custom`).
impl serde::Serialize for Hardware {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}
