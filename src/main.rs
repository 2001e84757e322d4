//! The app's entry point: mounts the Yew app (yew's renderer installs its panic hook).

fn main() {
    // In a task of its own: the wasm's instantiation and the first render are two shorter tasks.
    gloo_timers::callback::Timeout::new(0, || sitecost::ui::mount().expect("a document to mount the app in")).forget();
}
