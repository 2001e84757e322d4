//! The CSV reader and writer, and number formatting for people.

use sitecost::format::{compact, grouped};
use sitecost::model::csv::{parse, write_record};

/// The fields of every record of a CSV text.
fn fields(text: &str) -> Vec<Vec<String>> {
    parse(text).unwrap().into_iter().map(|r| r.fields).collect()
}

#[test]
fn csv_reads_quotes_crlf_bom_and_blank_lines() {
    let text = "\u{feff}name,note\r\n\"Texas, ERCOT\",\"say \"\"hi\"\"\"\r\n\r\nplain,\"two\nlines\"\n";
    let records = parse(text).unwrap();
    let rows: Vec<&Vec<String>> = records.iter().map(|r| &r.fields).collect();
    assert_eq!(rows, [&vec!["name", "note"], &vec!["Texas, ERCOT", "say \"hi\""], &vec!["plain", "two\nlines"]]);
    // Each record knows the line it starts on: the blank line 3 is skipped.
    assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 4]);
}

#[test]
fn csv_reports_broken_quotes_with_their_line() {
    assert_eq!(parse("a\n\"open").unwrap_err().line, 2);
    assert_eq!(parse("a,\"b\"c\n").unwrap_err().line, 1);
    assert_eq!(parse("a,b\"c\n").unwrap_err().line, 1);
}

#[test]
fn csv_write_then_read_round_trips() {
    let records = vec![vec!["id", "name"], vec!["x", "comma, \"quote\"\nnewline"], vec!["", "é ✓"]];
    let mut out = String::new();
    for r in &records {
        write_record(&mut out, r);
    }
    assert!(out.ends_with("\r\n"));
    assert_eq!(parse(&out).unwrap().into_iter().map(|r| r.fields).collect::<Vec<_>>(), records);
}

#[test]
fn grouped_numbers() {
    let table = [
        (1234567.891, 2, "1,234,567.89"),
        (-1234.6, 0, "\u{2212}1,235"),
        (999.0, 0, "999"),
        (-0.0004, 3, "0.000"),
        (0.04321, 4, "0.0432"),
        (f64::NAN, 2, "\u{2014}"),
    ];
    for (v, d, expected) in table {
        assert_eq!(grouped(v, d), expected, "{v} with {d} decimals");
    }
}

#[test]
fn compact_axis_ticks() {
    let table = [
        (0.0, "0"),
        (0.045, "0.045"),
        (2.5, "2.5"),
        (150.0, "150"),
        (12000.0, "12k"),
        (-2500.0, "\u{2212}2,500"),
        (1.5e6, "1.5M"),
    ];
    for (v, expected) in table {
        assert_eq!(compact(v), expected, "{v}");
    }
}

#[test]
fn the_results_csv_has_units_a_row_per_region_and_a_total() {
    use sitecost::model::{report, report_csv, Scenario};
    let r = report(&Scenario::default());
    let rows = fields(&report_csv(&r));
    assert_eq!(rows[0][0], "region_id");
    assert!(rows[0].iter().skip(2).all(|h| h.contains("usd")
        || h.ends_with("_mw")
        || h.ends_with("_pct")
        || h.ends_with("_ph_s")
        || h.ends_with("_months")));
    assert_eq!(rows.len(), 1 + 6 + 1);
    assert_eq!(rows[7][..2], ["total", "Total"]);
    assert_eq!(rows[7][12].parse::<f64>().unwrap(), r.totals.profit_usd_per_day);
    assert_eq!(rows[0][8..10], ["mined_hours_pct", "effective_usd_per_kwh"]);
    assert_eq!(rows[1][7].parse::<f64>().unwrap(), r.rows[0].margin_usd_per_mw_day, "numbers are exact");
    // The projection's columns: payback month (empty for never), the 36-month net and NPV per MW,
    // the chance of being open at month 36 and the months switched off.
    assert_eq!(
        rows[0][13..],
        ["payback_months", "net_36m_usd_per_mw", "npv_usd_per_mw", "survival_36m_pct", "off_months"]
    );
    for (row, region) in rows[1..7].iter().zip(&r.rows) {
        assert_eq!(row[13], region.payback_months.map_or(String::new(), |m| m.to_string()));
        assert_eq!(row[14].parse::<f64>().unwrap(), region.net_36m_usd_per_mw);
        assert_eq!(row[15].parse::<f64>().unwrap(), region.npv_usd_per_mw);
        assert_eq!(row[16].parse::<f64>().unwrap(), region.survival_36m_pct);
        assert_eq!(row[17], region.off_months.len().to_string());
    }
    assert_eq!(rows[7][13..], ["", "", "", "", ""], "the total row has no per-MW projection");
}

#[test]
fn the_stay_or_move_csv_has_one_row_per_option_in_rank_order() {
    use sitecost::model::{report, stay_or_move_csv, Action, Scenario};
    let r = report(&Scenario::default());
    let rows = fields(&stay_or_move_csv(&r));
    assert_eq!(
        rows[0],
        [
            "option",
            "region_id",
            "region_name",
            "mw",
            "placements",
            "upfront_usd",
            "net_36m_usd",
            "npv_usd",
            "vs_stay_usd",
            "break_even_month",
            "off_months"
        ]
    );
    assert_eq!(rows.len(), 1 + 6 + 1, "staying, five moves and the plan");
    for (row, option) in rows[1..].iter().zip(&r.stay_or_move) {
        assert_eq!(row[1], *option.id);
        let placements: Vec<String> = option.placements.iter().map(|p| format!("{}:{}", p.id, p.mw)).collect();
        assert_eq!(row[4], placements.join(";"));
        assert_eq!(row[6].parse::<f64>().unwrap(), option.net_36m_usd);
        assert_eq!(row[7].parse::<f64>().unwrap(), option.npv_usd);
        assert_eq!(row[9], option.break_even_month.map_or(String::new(), |m| m.to_string()));
        assert_eq!(row[10], option.off_months.len().to_string());
    }
    for (kind, count) in [("stay", 1), ("move", 5), ("plan", 1)] {
        assert_eq!(rows.iter().filter(|row| row[0] == kind).count(), count, "{kind}");
    }
    assert_eq!(rows.iter().find(|row| row[0] == "plan").unwrap()[1], "plan");
    // Without an origin there is nothing to compare: only the header.
    let mut none = Scenario::default();
    none.apply(&Action::SetOrigin(None)).unwrap();
    assert_eq!(fields(&stay_or_move_csv(&report(&none))).len(), 1);
}
