//! The colour theme: follows `prefers-color-scheme` until the reader picks one, which is
//! remembered in localStorage and applied as `data-theme` on `<html>` for the CSS.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::web;

const STORAGE_KEY: &str = "metricscope.theme";

/// The reader's preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemePref {
    /// Follow the system.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemePref {
    /// The next preference in the toggle's cycle.
    pub fn next(self) -> ThemePref {
        match self {
            ThemePref::Auto => ThemePref::Light,
            ThemePref::Light => ThemePref::Dark,
            ThemePref::Dark => ThemePref::Auto,
        }
    }

    fn key(self) -> &'static str {
        match self {
            ThemePref::Auto => "auto",
            ThemePref::Light => "light",
            ThemePref::Dark => "dark",
        }
    }

    fn from_key(key: &str) -> ThemePref {
        match key {
            "light" => ThemePref::Light,
            "dark" => ThemePref::Dark,
            _ => ThemePref::Auto,
        }
    }
}

/// The theme state.
#[derive(Clone, PartialEq)]
pub struct ThemeHandle {
    /// What the reader chose.
    pub pref: ThemePref,
    /// Whether the page is dark now.
    pub dark: bool,
    /// Moves to the next preference.
    pub oncycle: Callback<()>,
}

fn system_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()?
}

/// The theme, its toggle, and the side effects that apply it.
#[hook]
pub fn use_theme() -> ThemeHandle {
    let pref = use_state_eq(|| {
        web::load(STORAGE_KEY).map_or(ThemePref::Auto, |k| ThemePref::from_key(&k))
    });
    let system_dark = use_state_eq(|| system_query().is_some_and(|q| q.matches()));
    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |_| {
            let listener = system_query().map(|q| {
                let q2 = q.clone();
                EventListener::new(&q, "change", move |_| system_dark.set(q2.matches()))
            });
            move || drop(listener)
        });
    }
    use_effect_with(*pref, |pref| {
        let root = gloo::utils::document_element();
        match pref {
            ThemePref::Auto => {
                let _ = root.remove_attribute("data-theme");
                web::forget(STORAGE_KEY);
            }
            other => {
                let _ = root.set_attribute("data-theme", other.key());
                web::store(STORAGE_KEY, other.key());
            }
        }
    });
    let dark = match *pref {
        ThemePref::Auto => *system_dark,
        ThemePref::Light => false,
        ThemePref::Dark => true,
    };
    let oncycle = {
        let pref = pref.clone();
        Callback::from(move |()| pref.set(pref.next()))
    };
    ThemeHandle {
        pref: *pref,
        dark,
        oncycle,
    }
}
