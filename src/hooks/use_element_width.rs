//! The width of an element in CSS pixels, kept current with a ResizeObserver, so charts
//! redraw when the window or the layout around them changes size.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// The `clientWidth` of the element behind `node`, 0 until it is mounted.
#[hook]
pub fn use_element_width(node: NodeRef) -> u32 {
    let width = use_state_eq(|| 0u32);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let mut observer = None;
            let mut callback = None;
            if let Some(element) = element {
                crate::web::mark("metricscope:measure-width");
                width.set(u32::try_from(element.client_width()).unwrap_or(0));
                let el = element.clone();
                let cb = Closure::<dyn FnMut()>::new(move || {
                    width.set(u32::try_from(el.client_width()).unwrap_or(0));
                });
                if let Ok(obs) = ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                    obs.observe(&element);
                    observer = Some(obs);
                }
                callback = Some(cb);
            }
            move || {
                if let Some(obs) = observer {
                    obs.disconnect();
                }
                drop(callback);
            }
        });
    }
    *width
}
