//! Chart drawing with plotters: pure functions from data to a drawing backend.

pub mod measured;
pub mod overview;
