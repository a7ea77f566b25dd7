//! Custom hooks, one per file.

pub mod use_element_width;
pub mod use_own_articles;
pub mod use_theme;
pub mod use_url_state;
