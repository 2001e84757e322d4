//! `use_slider_input`: a slider's range, keys and typed number, and the text its number field shows.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::{FieldSpec, InputError};

/// Text the user typed in the number field, and the value in force after it was typed.
///
/// The text is shown as long as the value is still that one; once the value changes
/// elsewhere (the slider moves), the field shows the new value instead.
#[derive(Clone, PartialEq)]
struct Draft {
    text: String,
    value: f64,
}

/// A slider's callbacks and what its number field shows.
pub struct SliderInput {
    /// The range input's `input`.
    pub on_range: Callback<InputEvent>,
    /// The range input's `keydown`: PageUp, PageDown, Home and End ([`FieldSpec::keyed`]).
    pub on_key: Callback<KeyboardEvent>,
    /// The number field's `input`.
    pub on_number: Callback<InputEvent>,
    /// The number field's text: what was typed while its value is in force, else the value.
    pub text: String,
    /// Why the typed text was refused, if it was.
    pub error: Option<InputError>,
}

/// The behaviour of a slider of `spec` showing `value`, which calls `on_change` with every
/// accepted value.
#[hook]
pub fn use_slider_input(spec: &'static FieldSpec, value: f64, on_change: Callback<f64>) -> SliderInput {
    let draft = use_state(|| None::<Draft>);

    let on_range = {
        let on_change = on_change.clone();
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            // The browser keeps a range input's value inside its range, so this only fails
            // if the page is scripted with nonsense; the model's guard catches that too.
            if let Ok(v) = spec.parse(&text) {
                draft.set(None);
                on_change.emit(v);
            }
        })
    };
    let on_key = {
        let on_change = on_change.clone();
        let draft = draft.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(v) = spec.keyed(value, &e.key()) {
                e.prevent_default();
                draft.set(None);
                if v.to_bits() != value.to_bits() {
                    on_change.emit(v);
                }
            }
        })
    };
    let on_number = {
        let on_change = on_change.clone();
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match spec.parse(&text) {
                Ok(v) => {
                    draft.set(Some(Draft { text, value: v }));
                    on_change.emit(v);
                }
                // A refused value keeps the last good one in force.
                Err(_) => draft.set(Some(Draft { text, value })),
            }
        })
    };

    let shown = draft.as_ref().filter(|d| d.value.to_bits() == value.to_bits());
    let text = shown.map_or_else(|| value.to_string(), |d| d.text.clone());
    let error = shown.and_then(|d| spec.parse(&d.text).err());
    SliderInput { on_range, on_key, on_number, text, error }
}
