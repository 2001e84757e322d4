//! Interval price CSV import: columns, units, line numbers, every problem and the preview's statistics.

use sitecost::model::prices_csv::{month_of, preview, PricePreview, PriceProblem};

/// A CSV text: the header, then one line per row, each ended by LF.
fn csv(header: &str, rows: &[&str]) -> String {
    std::iter::once(header).chain(rows.iter().copied()).map(|l| format!("{l}\n")).collect()
}

/// `n` rows holding the same cell text.
fn same(cell: &str, n: usize) -> Vec<&str> {
    vec![cell; n]
}

fn problem(line: Option<usize>, text: &str) -> PriceProblem {
    PriceProblem { line, text: text.to_string() }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12
}

/// The hand-worked file: 19 hours at $0.03, one at −$0.02, three at $0.10 and one at $0.50.
fn hand_worked() -> Vec<&'static str> {
    let mut rows = same("0.03", 19);
    rows.extend(["-0.02", "0.10", "0.10", "0.10", "0.50"]);
    rows
}

#[test]
fn a_24_row_kwh_file_gives_its_prices_in_order_without_months() {
    let p = preview(&csv("usd_per_kwh", &hand_worked()));
    assert!(p.ok(), "{:?}", p.problems);
    assert!(!p.timestamped);
    let mut expected = vec![(None, 0.03); 19];
    expected.extend([(None, -0.02), (None, 0.10), (None, 0.10), (None, 0.10), (None, 0.50)]);
    assert_eq!(p.rows, expected);
}

#[test]
fn the_statistics_are_the_hand_worked_ones() {
    let p = preview(&csv("usd_per_kwh", &hand_worked()));
    assert_eq!(p.count, 24);
    // (19 × 0.03 − 0.02 + 3 × 0.10 + 0.50) / 24 = 1.35 / 24.
    assert!(close(p.mean, 0.05625), "mean {}", p.mean);
    assert_eq!((p.min, p.max), (-0.02, 0.50));
    // $0.10 itself is not above $0.10: only the $0.50 hour counts.
    assert!(close(p.share_above_0_10, 1.0 / 24.0), "share {}", p.share_above_0_10);
}

#[test]
fn a_mwh_file_is_divided_by_a_thousand() {
    let mut rows = same("30", 22);
    rows.extend(["-15", "250.5"]);
    let p = preview(&csv("usd_per_mwh", &rows));
    assert!(p.ok(), "{:?}", p.problems);
    let mut expected = vec![(None, 0.03); 22];
    expected.extend([(None, -0.015), (None, 0.2505)]);
    assert_eq!(p.rows, expected);
    assert_eq!((p.min, p.max), (-0.015, 0.2505));
    assert!(close(p.share_above_0_10, 1.0 / 24.0));
}

#[test]
fn headers_match_in_any_case_with_spaces_and_other_columns_are_ignored() {
    let rows: Vec<String> = (0..24).map(|h| format!("ERCOT, 2024-07-01T{h:02}:00 ,0.0{}", h % 10)).collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let p = preview(&csv("Hub, TimeStamp , USD_per_KWh ", &rows));
    assert!(p.ok(), "{:?}", p.problems);
    assert!(p.timestamped);
    assert_eq!(p.rows[3], (Some(7), 0.03));
    assert!(p.rows.iter().all(|&(m, _)| m == Some(7)));
}

#[test]
fn with_both_price_columns_usd_per_kwh_is_used() {
    let p = preview(&csv("usd_per_mwh,usd_per_kwh", &same("45,0.07", 24)));
    assert!(p.ok(), "{:?}", p.problems);
    assert_eq!(p.rows, vec![(None, 0.07); 24]);
}

#[test]
fn a_bom_crlf_and_quoted_fields_are_accepted() {
    let mut text = "\u{feff}\"usd_per_kwh\",\"note, with comma\"\r\n".to_string();
    for i in 0..24 {
        text.push_str(&format!("\"0.0{}\",\"said \"\"hi\"\", {i}\"\r\n", i % 10));
    }
    let p = preview(&text);
    assert!(p.ok(), "{:?}", p.problems);
    assert_eq!(p.count, 24);
    assert_eq!(&p.rows[..3], [(None, 0.0), (None, 0.01), (None, 0.02)]);
}

#[test]
fn a_blank_line_and_a_quoted_line_break_shift_line_numbers() {
    let mut text = "usd_per_kwh,note\n\n0.05,ok\n0.05,\"two\nlines\"\nabc,x\n".to_string();
    text.push_str(&"0.04,ok\n".repeat(22));
    text.push_str("x\n");
    let p = preview(&text);
    // Header 1, blank 2, rows on 3 and 4–5: the bad one is on line 6; the last record on 6 + 22 + 1.
    assert_eq!(
        p.problems,
        [
            problem(Some(6), "usd_per_kwh \u{201c}abc\u{201d} is not a number"),
            problem(Some(29), "usd_per_kwh \u{201c}x\u{201d} is not a number"),
        ]
    );
    assert_eq!(p.count, 2 + 22);
}

#[test]
fn each_bad_row_is_named_with_its_line_and_left_out_of_the_rows() {
    let mut rows = same("0.05,2024-01-01T00:00", 24);
    rows.extend([
        "abc,2024-01-01T01:00",           // line 26
        "NaN,2024-01-01T02:00",           // 27
        ",2024-01-01T03:00",              // 28
        "10.5,2024-01-01T04:00",          // 29
        "-10,2024-01-01T05:00",           // 30: the bound itself is allowed
        "0.05,2024-02-30T00:00",          // 31
        "0.05,2024-01-01 00:00Z",         // 32
        "inf,yesterday",                  // 33: two problems, one line
        "-0.5,2024-01-01T06:00:00+14:00", // 34: negative prices are fine
    ]);
    let p = preview(&csv("usd_per_kwh,timestamp", &rows));
    let bad_time = |t: &str| {
        format!("timestamp \u{201c}{t}\u{201d} is not ISO 8601 (YYYY-MM-DDTHH:MM[:SS][Z|\u{b1}HH:MM] or YYYY-MM-DD HH:MM[:SS])")
    };
    assert_eq!(
        p.problems,
        [
            problem(Some(26), "usd_per_kwh \u{201c}abc\u{201d} is not a number"),
            problem(Some(27), "usd_per_kwh \u{201c}NaN\u{201d} is not a number"),
            problem(Some(28), "usd_per_kwh is empty"),
            problem(Some(29), "usd_per_kwh \u{201c}10.5\u{201d} is beyond \u{b1}$10/kWh"),
            problem(Some(31), &bad_time("2024-02-30T00:00")),
            problem(Some(32), &bad_time("2024-01-01 00:00Z")),
            problem(Some(33), "usd_per_kwh \u{201c}inf\u{201d} is not a number"),
            problem(Some(33), &bad_time("yesterday")),
        ]
    );
    assert!(!p.ok());
    assert_eq!(p.count, 26);
    assert_eq!(&p.rows[24..], [(Some(1), -10.0), (Some(1), -0.5)]);
    assert_eq!((p.min, p.max), (-10.0, 0.05));
}

#[test]
fn a_mwh_price_beyond_ten_thousand_is_named_in_its_own_unit() {
    let mut rows = same("20", 24);
    rows.extend(["-10000", "10000.5"]);
    let p = preview(&csv("usd_per_mwh", &rows));
    assert_eq!(
        p.problems,
        [problem(Some(27), "usd_per_mwh \u{201c}10000.5\u{201d} is beyond \u{b1}$10,000/MWh (\u{b1}$10/kWh)")]
    );
    assert_eq!(p.rows.last(), Some(&(None, -10.0)));
}

#[test]
fn a_missing_price_column_is_one_problem_for_the_file() {
    let p = preview(&csv("timestamp,price", &same("2024-01-01T00:00,0.05", 30)));
    assert_eq!(
        p,
        PricePreview {
            problems: vec![problem(Some(1), "no price column: the header needs usd_per_kwh or usd_per_mwh")],
            ..PricePreview::default()
        }
    );
}

#[test]
fn fewer_than_24_valid_rows_is_one_problem_for_the_file() {
    let p = preview(&csv("usd_per_kwh", &same("0.04", 23)));
    assert_eq!(p.problems, [problem(None, "23 valid price rows: a profile needs at least 24")]);
    assert_eq!((p.count, p.rows.len()), (23, 23));
    assert!(close(p.mean, 0.04));
    let one = preview(&csv("usd_per_kwh", &["0.04"]));
    assert_eq!(one.problems, [problem(None, "1 valid price row: a profile needs at least 24")]);
    // With bad rows too, the file's problem comes first: a long list is shown only in part.
    let bad = preview(&csv("usd_per_kwh", &["x", "0.04", "y"]));
    assert_eq!(
        bad.problems,
        [
            problem(None, "1 valid price row: a profile needs at least 24"),
            problem(Some(2), "usd_per_kwh \u{201c}x\u{201d} is not a number"),
            problem(Some(4), "usd_per_kwh \u{201c}y\u{201d} is not a number"),
        ]
    );
    let none = preview("usd_per_kwh\n");
    assert_eq!(none.problems, [problem(None, "0 valid price rows: a profile needs at least 24")]);
    assert_eq!((none.count, none.mean, none.min, none.max, none.share_above_0_10), (0, 0.0, 0.0, 0.0, 0.0));
}

#[test]
fn an_empty_or_unreadable_text_is_named() {
    for empty in ["", " \n\n", "\u{feff}\r\n,,\r\n"] {
        assert_eq!(
            preview(empty).problems,
            [problem(None, "the CSV is empty: it needs a header row and at least 24 price rows")],
            "{empty:?}"
        );
    }
    let p = preview("usd_per_kwh\n0.05\n\"0.05\n");
    assert_eq!(p.problems, [problem(Some(3), "the CSV cannot be read: a quoted field is not closed")]);
    assert!(p.rows.is_empty());
}

#[test]
fn timestamps_give_the_month_as_written() {
    let stamps = [
        "2024-01-31T23:00",
        "2024-02-01T00:00:00Z",
        "2024-03-15T12:30:00-06:00",
        "2024-12-31 23:59:59",
        "2024-02-29 00:00",
        // Still March: the offset is not applied (in UTC this hour is 29 February).
        "2024-03-01T00:00+14:00",
    ];
    let months: Vec<Option<u8>> = stamps.iter().map(|t| month_of(t)).collect();
    assert_eq!(months, [Some(1), Some(2), Some(3), Some(12), Some(2), Some(3)]);
    for bad in [
        "2023-02-29T00:00",
        "2024-00-10T00:00",
        "2024-04-31T00:00",
        "2024-01-01T24:00",
        "2024-01-01T10:60",
        "2024-01-01T10:00:61",
        "2024-01-01T10:00+5:00",
        "2024-01-01T10:00+05:00:00",
        "2024-01-01 10:00+05:00",
        "2024-01-01",
        "2024-1-01T10:00",
        "2024/01/01T10:00",
        "",
    ] {
        assert_eq!(month_of(bad), None, "{bad}");
    }
}

#[test]
fn a_year_of_hourly_timestamps_fills_each_month_with_its_hours() {
    let mut text = "timestamp,usd_per_mwh\r\n".to_string();
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (m, &d) in days.iter().enumerate() {
        for day in 1..=d {
            for h in 0..24 {
                text.push_str(&format!("2023-{:02}-{day:02}T{h:02}:00:00-06:00,{}\r\n", m + 1, 20 + h));
            }
        }
    }
    let p = preview(&text);
    assert!(p.ok(), "{:?}", &p.problems[..p.problems.len().min(3)]);
    assert_eq!(p.count, 8_760);
    assert!(p.timestamped);
    let per_month: Vec<usize> = (1..=12).map(|m| p.rows.iter().filter(|r| r.0 == Some(m)).count()).collect();
    assert_eq!(per_month, days.map(|d| d * 24));
    // Hours 0–23 priced $20–$43/MWh: the mean is $31.5/MWh; above $100/MWh never.
    assert!(close(p.mean, 0.0315), "mean {}", p.mean);
    assert_eq!((p.min, p.max, p.share_above_0_10), (0.02, 0.043, 0.0));
}

#[test]
fn rows_of_blank_fields_are_skipped_like_blank_lines() {
    let mut text = "usd_per_kwh,note\n , \n".to_string();
    text.push_str(&"0.05,a\n".repeat(24));
    text.push_str(",\nabc,\n");
    let p = preview(&text);
    assert_eq!(p.problems, [problem(Some(28), "usd_per_kwh \u{201c}abc\u{201d} is not a number")]);
    assert_eq!(p.count, 24);
}
