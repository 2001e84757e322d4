//! The app's entry point: mounts the Yew app (yew's renderer installs its panic hook), in place
//! of the prerendered page when the build put one in.

fn main() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    match document.get_element_by_id(sitecost::ui::PRERENDERED_ID) {
        // The app renders hidden in its place (just before it); its first effect removes the
        // prerendered page and shows the app in one go, so that no frame shows both.
        Some(prerendered) => {
            let root = document.create_element("div").expect("an element");
            root.set_id(sitecost::ui::APP_ROOT_ID);
            let _ = root.set_attribute("hidden", "");
            prerendered.before_with_node_1(&root).expect("a place for the app");
            yew::Renderer::<sitecost::ui::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<sitecost::ui::App>::new().render();
        }
    }
}
