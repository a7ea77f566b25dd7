//! Evaluation: precision, recall and F1 of the extractor against hand annotations.
