//! Where charts wait to be drawn: the next animation frame for charts on screen, the browser's
//! idle time, one chart per idle slice, for charts near the screen, and the page's rest (no input
//! for a second, see `use_rest`) for the others, so that a full-page capture finds them drawn.

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A wait for idle time ends after this long even when the page stays busy.
const IDLE_WAIT_MS: u32 = 250;

/// An idle slice with less time left than this is given back: a chart's redraw takes about
/// this long on a laptop, and drawing past the deadline delays the next input.
const IDLE_SLICE_MS: f64 = 4.0;

/// A draw that waits: it returns whether it drew (a chart that scrolled away or was drawn
/// meanwhile does not use up a slice).
type Draw = Box<dyn FnOnce() -> bool>;

#[derive(Default)]
struct Queues {
    frame: Vec<Draw>,
    frame_asked: bool,
    idle: VecDeque<Draw>,
    idle_asked: bool,
    /// Draws waiting for the page to rest; and whether it rests now.
    rest: Vec<Draw>,
    resting: bool,
}

thread_local!(static QUEUES: RefCell<Queues> = RefCell::default());

/// Runs `draw` at the next animation frame, with every other draw asked for before it: several
/// inputs within one frame then cost one drawing, and the event itself draws nothing.
pub(super) fn at_next_frame(draw: impl FnOnce() -> bool + 'static) {
    let ask = QUEUES.with_borrow_mut(|q| {
        q.frame.push(Box::new(draw));
        !std::mem::replace(&mut q.frame_asked, true)
    });
    if ask {
        let run = Closure::once_into_js(|| {
            let draws = QUEUES.with_borrow_mut(|q| {
                q.frame_asked = false;
                std::mem::take(&mut q.frame)
            });
            for draw in draws {
                draw();
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(run.unchecked_ref());
        }
    }
}

/// Runs `draw` when the browser is idle: one drawing per idle slice, and only in a slice with
/// time for it (or after [`IDLE_WAIT_MS`] of waiting), so idle drawing never holds up an input.
pub(super) fn when_idle(draw: impl FnOnce() -> bool + 'static) {
    let ask = QUEUES.with_borrow_mut(|q| {
        q.idle.push_back(Box::new(draw));
        !std::mem::replace(&mut q.idle_asked, true)
    });
    if ask {
        ask_idle();
    }
}

/// Runs `draw` in idle time once the page is at rest (now, if it is).
pub(super) fn when_at_rest(draw: impl FnOnce() -> bool + 'static) {
    let resting = QUEUES.with_borrow_mut(|q| {
        if !q.resting {
            q.rest.push(Box::new(draw));
            return None;
        }
        Some(draw)
    });
    if let Some(draw) = resting {
        when_idle(draw);
    }
}

/// The page rests (true: the draws waiting for it go to idle time) or an input has come.
pub(super) fn set_resting(resting: bool) {
    let waiting = QUEUES.with_borrow_mut(|q| {
        q.resting = resting;
        std::mem::take(&mut q.rest)
    });
    if resting {
        for draw in waiting {
            when_idle(draw);
        }
    } else {
        QUEUES.with_borrow_mut(|q| q.rest = waiting);
    }
}

fn ask_idle() {
    let Some(window) = web_sys::window() else { return };
    let run = Closure::once_into_js(|deadline: web_sys::IdleDeadline| {
        if deadline.did_timeout() || deadline.time_remaining() >= IDLE_SLICE_MS {
            // Draws that no longer need drawing give way to the next, within the same slice.
            while let Some(draw) = QUEUES.with_borrow_mut(|q| q.idle.pop_front()) {
                if draw() {
                    break;
                }
            }
        }
        let more = QUEUES.with_borrow_mut(|q| {
            q.idle_asked = !q.idle.is_empty();
            q.idle_asked
        });
        if more {
            ask_idle();
        }
    });
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    if window.request_idle_callback_with_options(run.unchecked_ref(), &options).is_err() {
        // Without idle callbacks (older Safari), everything waiting is drawn after a short wait.
        gloo_timers::callback::Timeout::new(50, || {
            let draws = QUEUES.with_borrow_mut(|q| {
                q.idle_asked = false;
                std::mem::take(&mut q.idle)
            });
            for draw in draws {
                draw();
            }
        })
        .forget();
    }
}
