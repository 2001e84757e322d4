//! `use_file_text`: the `onchange` of an `<input type="file">` that reads the chosen file as text.

use gloo_file::callbacks::{read_as_text, FileReader};
use gloo_file::Blob;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A file read as text: its name and its text, or `None` when it could not be read as text.
pub struct FileText {
    pub name: String,
    pub text: Option<String>,
}

/// Returns the `onchange` handler of a file input: it reads the chosen file with gloo-file's
/// `FileReader` and gives `on_read` what it read.
///
/// The input is emptied, so choosing the same file again reads it again. A new choice cancels
/// a read still under way, and so does unmounting: the reader is kept here, and dropping it
/// aborts it.
#[hook]
pub fn use_file_text(on_read: Callback<FileText>) -> Callback<Event> {
    let reading = use_mut_ref(|| None::<FileReader>);
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        let (name, on_read) = (file.name(), on_read.clone());
        let reader = read_as_text(&Blob::from(file), move |text| on_read.emit(FileText { name, text: text.ok() }));
        *reading.borrow_mut() = Some(reader);
    })
}
