//! Yew components, one per file.

pub mod app;
pub mod chart_canvas;
pub mod charts_panel;
pub mod dashboard;
pub mod facets;
pub mod figure_table;
pub mod measures_panel;
pub mod own_articles;
pub mod reader;
