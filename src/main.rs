//! The app's entry point: installs the panic hook and mounts the Yew app on `<body>`.

fn main() {
    sitecost::ui::install_panic_hook();
    yew::Renderer::<sitecost::ui::App>::new().render();
}
