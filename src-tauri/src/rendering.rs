//! How WebKitGTK draws the window, chosen before GTK starts: the case list must show what a key found
//! within a frame or two, on office PCs whose graphics WebKit cannot use.
//!
//! WebKit's compositing mode draws every frame through OpenGL. Without a GPU it can use (many office PCs,
//! a remote desktop, Xvfb) Mesa does that in software, and each frame takes 25-45 ms more: a name typed
//! in the case list showed its results after 90-104 ms instead of 45-51 (docs/install.md, "How the window
//! draws").
//! A window of forms and lists needs nothing compositing buys, so it is off unless asked for.

/// WebKitGTK reads this variable when its first view starts; set means "draw without compositing".
const WEBKIT_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// An office whose PCs draw better with compositing starts the app with this set to 1.
const OUR_VARIABLE: &str = "PETROMAKS_COMPOSITING";

/// The value to give WebKit's variable, if any: whoever set it already decided, and so did an office
/// that asked for compositing.
fn decide(webkit: Option<&str>, ours: Option<&str>) -> Option<&'static str> {
    match (webkit, ours) {
        (Some(_), _) => None,
        (None, Some("1")) => None,
        (None, _) => Some("1"),
    }
}

/// Called first in `main`, while the process has one thread, so setting a variable is safe.
pub fn choose() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let read = |name: &str| std::env::var(name).ok();
    if let Some(value) = decide(
        read(WEBKIT_VARIABLE).as_deref(),
        read(OUR_VARIABLE).as_deref(),
    ) {
        std::env::set_var(WEBKIT_VARIABLE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::decide;

    #[test]
    fn compositing_is_off_unless_someone_chose() {
        assert_eq!(decide(None, None), Some("1"));
        assert_eq!(decide(None, Some("0")), Some("1"));
        assert_eq!(decide(None, Some("1")), None);
        assert_eq!(decide(Some("0"), None), None);
        assert_eq!(decide(Some("1"), Some("1")), None);
    }
}
