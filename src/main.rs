//! The app's entry point: mounts the Yew app (yew's renderer installs its panic hook).

fn main() {
    sitecost::ui::mount().expect("a document to mount the app in");
}
