//! `use_import_text`: text to import, read from a file input or pasted, and why a file could not be read.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::use_file_text::{use_file_text, FileText};

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
        Callback::from(move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    ImportText { text, file_error: (*file_error).clone(), on_file, on_paste }
}
