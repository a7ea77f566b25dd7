//! Metricscope, the dashboard: the embedded corpus, its state and its components.
//!
//! Everything reachable without a browser (data decoding, state, derived views) is plain
//! Rust so native tests can cover it; components and charts need a DOM.

pub mod charts;
pub mod components;
pub mod data;
pub mod export;
pub mod fixture;
pub mod format;
pub mod hooks;
pub mod index;
pub mod measures;
pub mod money;
pub mod own;
pub mod provenance;
pub mod shipped;
pub mod sort;
pub mod state;
pub mod url;
pub mod views;
pub mod web;

/// Mounts the app on the page's `<body>`.
pub fn run() {
    yew::Renderer::<components::app::App>::new().render();
}
