//! `Slider`: one labelled range input with units, paired with a number field and its error text.

use yew::prelude::*;

use super::use_slider_input::{use_slider_input, SliderInput};

use crate::model::{FieldSpec, GlobalField, Globals, Sourced};

#[derive(Properties, PartialEq)]
pub struct SliderProps {
    /// The DOM id of the range input; the number field is `<id>-value`, the error `<id>-error`.
    pub id: AttrValue,
    pub spec: &'static FieldSpec,
    pub value: f64,
    /// Called with every accepted value, on every `input` event.
    pub on_change: Callback<f64>,
    /// Where the default comes from, shown as a tooltip and, for assumptions, a badge.
    #[prop_or_default]
    pub source: Option<Sourced>,
    /// Overrides the spec's label, for example to name the region.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[component]
pub fn Slider(props: &SliderProps) -> Html {
    let spec = props.spec;
    let SliderInput { on_range, on_key, on_number, text, error } =
        use_slider_input(spec, props.value, props.on_change.clone());
    let value = props.value;

    let id = &props.id;
    let number_id = format!("{id}-value");
    let error_id = format!("{id}-error");
    let label = props.label.clone().unwrap_or_else(|| spec.label.into());
    let title = props.source.as_ref().map(|s| s.text.clone());
    let assumed = props.source.as_ref().is_some_and(|s| s.assumption);

    html! {
        <div class={classes!("control", error.is_some().then_some("invalid"))} title={title}>
            <label for={id.clone()}>
                {label}
                <span class="unit">{format!(" ({})", spec.unit)}</span>
                if assumed {
                    <span class="badge" aria-label="assumption">{"assumed"}</span>
                }
            </label>
            <div class="control-inputs">
                <input type="range" id={id.clone()}
                    min={spec.min.to_string()} max={spec.max.to_string()} step={spec.step.to_string()}
                    value={value.to_string()} oninput={on_range} onkeydown={on_key} />
                <input type="text" inputmode="decimal" id={number_id} class="number"
                    aria-label={format!("{} in {}", spec.label, spec.unit)}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error_id.clone()}
                    value={text} oninput={on_number} />
            </div>
            <p class="error" role="alert" id={error_id}>
                { error.map(|e| e.to_string()).unwrap_or_default() }
            </p>
        </div>
    }
}

/// The slider of a global field, with its callback from
/// [`use_global_callbacks`](super::use_field_callbacks::use_global_callbacks).
pub fn global_slider(field: GlobalField, globals: &Globals, callbacks: &[Callback<f64>]) -> Html {
    html! {
        <Slider key={field.spec().key} id={field.spec().key} spec={field.spec()}
            value={globals.value(field)}
            source={Some(Globals::source(field))}
            on_change={callbacks[field.index()].clone()} />
    }
}
