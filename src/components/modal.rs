//! The frame of Lede's dialogs (Open, Share): a native `<dialog>` shown modal once mounted, with
//! its heading and a Close button. Escape and Close both report `on_close`.

use yew::prelude::*;

/// Props of [`Modal`].
#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// Extra class on the `<dialog>` (besides `dialog`).
    pub class: &'static str,
    /// Id of the heading, which names the dialog.
    pub heading_id: &'static str,
    /// The heading's text.
    pub title: &'static str,
    /// The dialog was closed.
    pub on_close: Callback<()>,
    /// The dialog's content, after its heading.
    pub children: Html,
}

/// A modal `<dialog>`.
#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    #[cfg(target_arch = "wasm32")]
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        });
    }
    let onclose = props.on_close.reform(|_: Event| ());
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <dialog class={classes!("dialog", props.class)} ref={dialog} aria-labelledby={props.heading_id} {onclose}>
            <div class="dialog-head">
                <h2 id={props.heading_id}>{ props.title }</h2>
                <button type="button" class="close" onclick={close}>{ "Close" }</button>
            </div>
            { props.children.clone() }
        </dialog>
    }
}
