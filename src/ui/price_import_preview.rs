//! `PriceImportPreview`: what a price import would give a region — its statistics, its curves, and every problem with its line.

use std::rc::Rc;

use yew::prelude::*;

use crate::format::grouped;
use crate::model::prices_csv::PricePreview;

/// The problems listed: enough to mend a file by, few enough to lay out at once (a year of bad
/// rows has 8 760, whose list took most of a second).
const LISTED_PROBLEMS: usize = 100;

#[derive(Properties, PartialEq)]
pub struct PriceImportPreviewProps {
    pub preview: Rc<PricePreview>,
}

#[component]
pub fn PriceImportPreview(props: &PriceImportPreviewProps) -> Html {
    let p = &props.preview;
    let stat = |key: &'static str, label: &'static str, value: String| {
        html! { <div><dt>{label}</dt><dd data-stat={key}>{value}</dd></div> }
    };
    let curves = if p.timestamped {
        "monthly curves from timestamps (each month as written in the data, local time)"
    } else {
        "one curve for every month (no timestamps)"
    };
    let n = p.problems.len();
    html! {
        <div id="import-prices-preview" aria-live="polite">
            if p.count > 0 {
                <dl class="price-stats">
                    { stat("count", "Intervals", grouped(p.count as f64, 0)) }
                    { stat("mean", "Mean (USD/kWh)", grouped(p.mean, 4)) }
                    { stat("min", "Min (USD/kWh)", grouped(p.min, 4)) }
                    { stat("max", "Max (USD/kWh)", grouped(p.max, 4)) }
                    { stat("share-above", "Above $0.10/kWh", format!("{} %", grouped(p.share_above_0_10 * 100.0, 1))) }
                    { stat("curves", "Curves", curves.to_string()) }
                </dl>
            }
            if n > 0 {
                <p class="error">
                    {format!("{} problem{}: fix the file before using it.", grouped(n as f64, 0), if n == 1 { "" } else { "s" })}
                </p>
                <ul class="problems" tabindex="0" aria-label="Problems">
                    { for p.problems.iter().take(LISTED_PROBLEMS).map(|problem| match problem.line {
                        Some(line) => html! { <li data-line={line.to_string()}>{format!("line {line}: {}", problem.text)}</li> },
                        None => html! { <li>{problem.text.clone()}</li> },
                    }) }
                    if n > LISTED_PROBLEMS {
                        <li class="more">{format!("and {} more, not listed", grouped((n - LISTED_PROBLEMS) as f64, 0))}</li>
                    }
                </ul>
            }
        </div>
    }
}
