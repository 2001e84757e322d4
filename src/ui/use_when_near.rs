//! `use_when_near`: a value as of the last time its view was near the screen or the page rested,
//! so that a view far out of sight is not rendered again with every input.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::chart_painter::{watch, NEAR_VIEWPORT_PX};
use super::paint_queue::when_at_rest;
use super::use_latest::Held;

/// Where the view stands: near the screen, and whether the next render is to take the latest
/// value (the page has rested, or the view came near, since the value went stale).
#[derive(Default)]
struct Sight {
    near: Cell<bool>,
    catch_up: Cell<bool>,
    /// A catch-up at rest is already asked for.
    asked: Cell<bool>,
}

/// `value` while the element of `node` is within [`NEAR_VIEWPORT_PX`] of the viewport, and
/// otherwise the value it last took: the component takes the latest one when the element comes
/// near, or in idle time once the page rests from input, so that a reader who scrolls and a
/// full-page capture find it current. The first render takes `value`.
#[hook]
pub fn use_when_near<T: 'static>(value: &Rc<T>, node: &NodeRef) -> Held<T> {
    let held = use_mut_ref(|| Rc::clone(value));
    let sight = use_memo((), |_| Sight::default());
    let update = use_force_update();
    {
        let (node, sight, update) = (node.clone(), Rc::clone(&sight), update.clone());
        use_effect_with((), move |_| {
            let near = watch(&node, NEAR_VIEWPORT_PX, move |near| {
                sight.near.set(near);
                if near {
                    sight.catch_up.set(true);
                    update.force_update();
                }
            });
            move || drop(near.map(|(observer, callback)| (observer.disconnect(), callback)))
        });
    }
    if sight.near.get() || sight.catch_up.replace(false) {
        *held.borrow_mut() = Rc::clone(value);
    } else if !Rc::ptr_eq(&held.borrow(), value) && !sight.asked.replace(true) {
        let sight = Rc::clone(&sight);
        when_at_rest(move || {
            sight.asked.set(false);
            sight.catch_up.set(true);
            update.force_update();
            true
        });
    }
    let shown = RefCell::borrow(&held).clone();
    Held(shown)
}
