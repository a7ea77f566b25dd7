//! Yew components, one per file.

pub mod app;
pub mod document_list;
