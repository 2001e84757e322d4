//! `ResultRow`: one region's row of the results table, rendered again only when its figures change.

use yew::prelude::*;

use super::results_table::cell;
use crate::model::{RegionReport, METRICS};

#[derive(Properties, PartialEq)]
pub struct ResultRowProps {
    pub row: RegionReport,
}

#[component]
pub fn ResultRow(props: &ResultRowProps) -> Html {
    let row = &props.row;
    html! {
        <tr data-region={row.id.to_string()}>
            <th scope="row">
                {row.name.to_string()}
                if row.cap_binds {
                    <span class="badge" title="The cap binds: this region took its whole cap while fleet was left to place.">{"cap"}</span>
                }
            </th>
            { for METRICS.iter().map(|m| cell(m, (m.value)(row))) }
        </tr>
    }
}
