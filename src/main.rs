//! The app's entry point: mounts the Yew app on `<body>` (yew's renderer installs its panic hook).

fn main() {
    yew::Renderer::<sitecost::ui::App>::new().render();
}
