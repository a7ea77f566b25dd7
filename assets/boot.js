//! Loads the app's wasm module. Trunk's own loader is an inline script, which a strict
//! Content-Security-Policy forbids; Trunk.toml's pattern_script emits a tag pointing here
//! with the hashed file names in data attributes instead.
const tag = document.querySelector("script[data-metricscope-js]");
const { default: init } = await import(tag.dataset.metricscopeJs);
await init({ module_or_path: tag.dataset.metricscopeWasm });
