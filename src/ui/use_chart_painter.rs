//! `use_chart_painter`: draws a chart figure's canvas when what it shows changes, at the time
//! its place on the page calls for, and keeps its cursor line on the current value.

use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use super::chart_painter::{Painter, Plot};
use super::use_chart_sight::use_chart_sight;
use crate::chart::ChartData;

/// Paints `data` on the returned plot's canvas and places its cursor line at `cursor` (see
/// `ChartKind::cursor`); the figure renders the plot's canvas and cursor elements.
#[hook]
pub fn use_chart_painter(data: ChartData, cursor: Option<f64>) -> Plot {
    let painter = use_memo((), |_| Painter::default());
    {
        let painter = Rc::clone(&painter);
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let resize = {
                let painter = Rc::clone(&painter);
                EventListener::new(&window, "resize", move |_| painter.resized())
            };
            // Printing shows every chart, so every chart not yet drawn is drawn first.
            let print = EventListener::new(&window, "beforeprint", move |_| {
                painter.draw_if_stale();
            });
            move || drop((resize, print))
        });
    }
    use_chart_sight(&painter);
    {
        // Drawing happens after the DOM update, only when what this chart shows has changed,
        // and only for a chart on screen or near it: most slider moves leave one chart or two
        // as they were, and most charts are out of sight.
        let painter = Rc::clone(&painter);
        use_effect_with(data, move |data| painter.show(data.clone()));
    }
    {
        // The cursor follows its value on every change, drawn or not (moved when in sight).
        let painter = Rc::clone(&painter);
        use_effect_with(cursor.map(f64::to_bits), move |bits| painter.move_cursor(bits.map(f64::from_bits)));
    }
    painter.plot.clone()
}
