//! The app's entry point: starts the Yew app (yew's renderer installs its panic hook).

fn main() {
    // In tasks of their own (see `start`): the wasm's instantiation and the app's first steps are
    // shorter tasks apart.
    sitecost::ui::start();
}
