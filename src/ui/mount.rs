//! `start`: works out what the app opens with, then mounts it, in place of the prerendered page when the build put one in.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;

use super::startup::Start;
use super::state::AppState;
use super::use_latest::Held;

/// The id of the element holding the prerendered page (`src/bin/prerender.rs`), which the app
/// replaces once it has rendered (`use_takeover`).
pub const PRERENDERED_ID: &str = "prerendered";

/// The id of the element the app renders into over a prerendered page, hidden until it replaces it.
pub const APP_ROOT_ID: &str = "app";

/// What the app opens with, worked out before its first render: each is taken once, by it.
pub struct Opening {
    pub start: RefCell<Option<Start>>,
    pub state: RefCell<Option<AppState>>,
}

impl Opening {
    /// The opening scenario as worked out before the first render, if it was; else worked out now.
    pub fn take_start(opening: Option<&Held<Opening>>) -> Start {
        opening.and_then(|o| o.0.start.take()).unwrap_or_else(super::startup::start)
    }

    /// The state of `start`, its report made, as worked out before the first render, if it was.
    pub fn take_state(opening: Option<&Held<Opening>>, start: &Start) -> AppState {
        opening
            .and_then(|o| o.0.state.take())
            .unwrap_or_else(|| AppState::new(start.scenario.clone(), start.banner.clone()))
    }
}

/// Starts the app in three tasks after this one, so that none of them blocks input long: the
/// opening scenario (the link's, the autosave's or the defaults), its report, then the first
/// render (itself staged, `use_staged`).
pub fn start() {
    later(|| {
        let start = super::startup::start();
        later(move || {
            let state = Opening::take_state(None, &start);
            let opening = Opening { start: RefCell::new(Some(start)), state: RefCell::new(Some(state)) };
            later(move || mount(opening).expect("a document to mount the app in"));
        });
    });
}

fn later(task: impl FnOnce() + 'static) {
    Timeout::new(0, task).forget();
}

/// Mounts `App`: over a prerendered page, in a hidden root just before it, so that no frame shows
/// both (its first effect swaps them); otherwise on `<body>`.
fn mount(opening: Opening) -> Result<(), JsValue> {
    let props = super::app::AppProps { opening: Some(Held(Rc::new(opening))) };
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    match document.get_element_by_id(PRERENDERED_ID) {
        Some(prerendered) => {
            let root = document.create_element("div")?;
            root.set_id(APP_ROOT_ID);
            root.set_attribute("hidden", "")?;
            prerendered.before_with_node_1(&root)?;
            yew::Renderer::<super::App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<super::App>::with_props(props).render();
        }
    }
    Ok(())
}
