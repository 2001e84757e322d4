//! `StayOrMoveTable`: for the fleet in the origin region, staying against each move and the best plan, ranked by NPV.

use std::rc::Rc;

use yew::prelude::*;

use super::results_table::cell_in;
use super::use_latest::Held;
use super::use_when_near::use_when_near;
use crate::model::{MoveOption, OptionKind, Report};

#[derive(Properties, PartialEq)]
pub struct StayOrMoveTableProps {
    pub report: Rc<Report>,
}

/// The table sits in a block of its own because `content-visibility` does not apply to a table:
/// the block is what lets the browser skip it while it is out of sight (with 50 regions its 250
/// figures cost about 4 ms per hashprice event when laid out and painted). Out of sight it is
/// not rendered again either, until it comes near or the page rests (`use_when_near`).
#[component]
pub fn StayOrMoveTable(props: &StayOrMoveTableProps) -> Html {
    let block = use_node_ref();
    let report = use_when_near(&props.report, &block);
    html! {
        <div class="stay-or-move" ref={block}>
            <StayOrMoveBody {report} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StayOrMoveBodyProps {
    report: Held<Report>,
}

/// The classes of the columns that narrow screens hide, and of those that middle widths hide too.
const OPTIONAL: Option<&str> = Some("optional");
const SECONDARY: Option<&str> = Some("optional secondary");

#[component]
fn StayOrMoveBody(props: &StayOrMoveBodyProps) -> Html {
    let report = &props.report.0;
    let Some(origin) = report.origin.and_then(|i| report.rows.get(i)) else {
        return html! {
            <p id="stay-or-move" class="note">
                {"Choose the region your fleet is in now (\u{201c}Fleet is now in\u{201d}) to compare staying with moving."}
            </p>
        };
    };
    html! {
        <div class="table-scroll">
            <table id="stay-or-move" class="results">
                <caption>{format!("Stay or move: the fleet in {} over 36 months, best NPV first; expected values, \
                    weighted by each site's chance of staying open", origin.name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{"Option"}</th>
                        <th scope="col" class="num optional secondary">{"MW (moved, or staying)"}</th>
                        <th scope="col" class="num optional secondary">{"Upfront (USD)"}</th>
                        <th scope="col" class="num optional">{"36-month net (USD)"}</th>
                        <th scope="col" class="num">{"NPV (USD)"}</th>
                        <th scope="col" class="num optional">{"Against staying (USD)"}</th>
                        <th scope="col" class="num">{"Beats staying from month"}</th>
                        <th scope="col" class="num optional secondary">{"Months switched off"}</th>
                    </tr>
                </thead>
                <tbody>
                    // Unkeyed: when the ranking changes, rows are rewritten in place rather than
                    // moved, and a moved row costs the browser its style and layout again.
                    { for report.stay_or_move.iter().map(|o| html! {
                        <tr data-option={o.id.to_string()} class={classes!(
                            (o.kind == OptionKind::Stay).then_some("stay"),
                            (o.kind == OptionKind::Plan).then_some("plan"),
                        )}>
                            <th scope="row">{option_label(o)}</th>
                            // Middle widths drop the MW, the upfront cost and the months off; narrow
                            // ones keep the option, its NPV and the month it pulls ahead.
                            { cell_in("mw", Some(o.mw), 1, "never", SECONDARY) }
                            { cell_in("upfront_usd", Some(o.upfront_usd), 0, "never", SECONDARY) }
                            { cell_in("net_36m_usd", Some(o.net_36m_usd), 0, "never", OPTIONAL) }
                            { cell_in("npv_usd", Some(o.npv_usd), 0, "never", None) }
                            { cell_in("vs_stay_usd", Some(o.vs_stay_usd), 0, "never", OPTIONAL) }
                            if o.kind == OptionKind::Stay || o.placements.len() < 2 { <td class="num">{"\u{2014}"}</td> }
                            else { { cell_in("break_even_month", o.break_even_month.map(f64::from), 0, "never", None) } }
                            { cell_in("off_months", Some(o.off_months.len() as f64), 0, "never", SECONDARY) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The option in words: where the fleet goes, MW by region.
fn option_label(o: &MoveOption) -> String {
    let what = o.what_it_does();
    match o.kind {
        OptionKind::Stay => format!("Stay in {}", o.name),
        OptionKind::Move => format!("To {}: {what}", o.name),
        OptionKind::Plan => format!("Best plan: {what}"),
    }
}
