//! `use_staged`: how much of a long first render to show yet, one stage more after each paint.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_render::request_animation_frame;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Counts the stages of the first render: `first` on the first render, then one more in each
/// task after it, up to `last`, then `usize::MAX` for good. No task builds more than one stage,
/// so none blocks input long; once complete, the count never goes back (what the user adds later
/// is built at once). A stage from `framed_from` on waits for a frame first (a timer set in the
/// frame's callback runs after it is drawn), so that its layout is not drawn in the same frame
/// as the one before it; stages before it follow each other in one task each.
#[hook]
pub fn use_staged(first: usize, last: usize, framed_from: usize) -> usize {
    let stage = use_state(|| Some(first));
    {
        let stage = stage.clone();
        use_effect_with(*stage, move |&current| {
            // The timer that brings the next stage, set at once or from the next frame.
            let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let frame = current.and_then(|k| {
                let advance = move || stage.set((k < last).then_some(k + 1));
                if k < framed_from {
                    *timer.borrow_mut() = Some(Timeout::new(0, advance));
                    return None;
                }
                let timer = timer.clone();
                Some(request_animation_frame(move |_| *timer.borrow_mut() = Some(Timeout::new(0, advance))))
            });
            move || drop((frame, timer))
        });
    }
    stage.unwrap_or(usize::MAX)
}
