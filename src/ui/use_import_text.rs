//! `use_import_text`: text to import, read from a file input or pasted, and why a file could not be read.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::use_file_text::{use_file_text, FileText};
use crate::format::grouped;

/// Above this many lines, the paste area holds the text without showing it: a browser lays out
/// every line of a text area, and a year of hourly prices (8 760 lines) took a quarter of a second.
const SHOWN_UP_TO_LINES: usize = 200;

/// Whether `text` is too long to show in the paste area (see [`SHOWN_UP_TO_LINES`]).
fn held(text: &str) -> bool {
    text.lines().nth(SHOWN_UP_TO_LINES).is_some()
}

/// What the paste area shows of `text`: all of it, or nothing when it is held.
pub fn shown(text: &str) -> String {
    if held(text) {
        String::new()
    } else {
        text.to_string()
    }
}

/// Under the paste area, when the text is held: how many lines, and that the preview reads them.
pub fn held_note(text: &str) -> Html {
    if !held(text) {
        return Html::default();
    }
    let lines = grouped(text.lines().count() as f64, 0);
    html! {
        <p class="hint held">
            {format!("{lines} lines read; not shown here, so that the page stays quick. The preview below \
                checks them; paste or choose a file again to replace them.")}
        </p>
    }
}

/// The text an import panel previews, and the handlers of its file input and paste area.
pub struct ImportText {
    /// The text read or pasted; the panel empties it once the import is confirmed.
    pub text: UseStateHandle<String>,
    /// Why the last file could not be read, if it could not.
    pub file_error: Option<String>,
    /// The file input's `change`: its file's text replaces the text.
    pub on_file: Callback<Event>,
    /// The paste area's `input`: its content replaces the text.
    pub on_paste: Callback<InputEvent>,
}

#[hook]
pub fn use_import_text() -> ImportText {
    let text = use_state(String::new);
    let file_error = use_state(|| None::<String>);
    let on_file = {
        let (text, file_error) = (text.clone(), file_error.clone());
        use_file_text(Callback::from(move |file: FileText| match file.text {
            Some(contents) => {
                file_error.set(None);
                text.set(contents);
            }
            None => file_error.set(Some(format!("{} could not be read as text.", file.name))),
        }))
    };
    let on_paste = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area = e.target_unchecked_into::<HtmlTextAreaElement>();
            let pasted = area.value();
            // Emptied within the event, before the browser lays the lines out for the next frame.
            if held(&pasted) {
                area.set_value("");
            }
            text.set(pasted);
        })
    };
    ImportText { text, file_error: (*file_error).clone(), on_file, on_paste }
}
