//! `use_chart_sight`: tells a chart's painter whether its canvas is on screen or near it, when
//! the figure mounts and each time that changes (`IntersectionObserver`).

use std::rc::Rc;

use yew::prelude::*;

use super::chart_painter::{is_within, watch, Painter, NEAR_VIEWPORT_PX};

/// Watches `painter`'s canvas for as long as the figure is mounted.
#[hook]
pub fn use_chart_sight(painter: &Rc<Painter>) {
    let painter = Rc::clone(painter);
    use_effect_with((), move |_| {
        // Known now, before the first draw: the page opens drawing only the charts it shows.
        if let Some(element) = painter.plot.canvas.cast::<web_sys::Element>() {
            painter.sight.visible.set(is_within(&element, 0.0));
            painter.sight.near.set(is_within(&element, NEAR_VIEWPORT_PX));
        }
        let node = painter.plot.canvas.clone();
        let on_screen = {
            let painter = Rc::clone(&painter);
            watch(&node, 0.0, move |v| painter.seen(Some(v), None))
        };
        let near = watch(&node, NEAR_VIEWPORT_PX, move |n| painter.seen(None, Some(n)));
        // Unmounted, the figure stops being watched and the callbacks are freed.
        move || {
            for (observer, callback) in [on_screen, near].into_iter().flatten() {
                observer.disconnect();
                drop(callback);
            }
        }
    });
}
