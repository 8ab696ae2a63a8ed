//! The frame of Lede's dialogs (Open, Share): a native `<dialog>` shown modal once mounted, with
//! its heading and a Close button. Escape and Close both report `on_close`. A hook and a
//! function rather than a component of its own: a Yew component type costs about 1 KB of gzip
//! in the Wasm, the frame almost nothing.

use yew::prelude::*;

/// The dialog's node, shown modal once the dialog component has mounted (pass it to [`modal`]).
#[hook]
pub fn use_modal() -> NodeRef {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| crate::web::show_modal(&dialog));
    }
    dialog
}

/// A `<dialog>` (class `dialog` and `class`) named by its heading `title` (id `heading_id`),
/// with a Close button, holding `children`.
pub fn modal(dialog: NodeRef, class: &'static str, heading_id: &'static str, title: &'static str, on_close: &Callback<()>, children: Html) -> Html {
    let onclose = on_close.reform(|_: Event| ());
    let close = on_close.reform(|_: MouseEvent| ());
    html! {
        <dialog class={classes!("dialog", class)} ref={dialog} aria-labelledby={heading_id} {onclose}>
            <div class="dialog-head">
                <h2 id={heading_id}>{ title }</h2>
                <button type="button" class="close" onclick={close}>{ "Close" }</button>
            </div>
            { children }
        </dialog>
    }
}
