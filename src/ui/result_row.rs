//! `ResultRow`: one region's row of the results table, rendered again only when its figures change and it is near the screen.

use std::rc::Rc;

use yew::prelude::*;

use super::results_table::cell;
use super::use_latest::Held;
use super::use_when_near::use_when_near;
use crate::model::{RegionReport, METRICS};

#[derive(Properties, PartialEq)]
pub struct ResultRowProps {
    pub row: Rc<RegionReport>,
}

/// Far out of sight (with many regions, most rows), a row keeps the figures it last showed
/// until it comes near or the page rests (`use_when_near`): each row is a dozen text nodes and
/// attributes to set, lay out and paint on every hashprice event.
#[component]
pub fn ResultRow(props: &ResultRowProps) -> Html {
    let node = use_node_ref();
    let row = use_when_near(&props.row, &node);
    html! { <ResultRowBody {row} {node} /> }
}

#[derive(Properties, PartialEq)]
struct ResultRowBodyProps {
    row: Held<RegionReport>,
    /// The row's element, which `ResultRow` watches.
    node: NodeRef,
}

#[component]
fn ResultRowBody(props: &ResultRowBodyProps) -> Html {
    let row = &props.row.0;
    html! {
        <tr data-region={row.id.to_string()} ref={props.node.clone()}>
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
