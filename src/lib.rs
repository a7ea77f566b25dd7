//! Metricscope, the dashboard: the embedded corpus, its state and its components.
//!
//! Everything reachable without a browser (data decoding, state, derived views) is plain
//! Rust so native tests can cover it; components and charts need a DOM.

pub mod charts;
pub mod components;
pub mod data;

/// Mounts the app on the page's `<body>`.
pub fn run() {
    yew::Renderer::<components::app::App>::new().render();
}
