//! The timeline: an SVG over a broken time axis (see `crate::timeline`), with zoom and a
//! table view of the same events one toggle away.

use std::rc::Rc;

use lede_engine::corrections::Correction;
use lede_engine::{Event, Granularity};
use yew::prelude::*;

use super::DocRef;
use crate::format;
use crate::state::Selection;
use crate::timeline::{lanes, short_label, ticks, Item, Scale, BREAK_PX};

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The analysed document.
    pub doc: DocRef,
    /// Current selection.
    pub selection: Selection,
    /// Show the table instead of the chart.
    pub list_view: bool,
    /// An event was chosen.
    pub on_select: Callback<String>,
    /// The table/chart toggle was pressed.
    pub on_toggle_list: Callback<()>,
    /// The reader corrected a date.
    pub on_correct: Callback<Correction>,
    /// Step to the previous (-1) or next (+1) event in date order.
    pub on_step: Callback<isize>,
}

const BASE_WIDTH: f64 = 960.0;
const LANE_PX: f64 = 24.0;
const TOP_PX: f64 = 12.0;
const AXIS_PX: f64 = 34.0;
const MAX_ZOOM: f64 = 8.0;
/// The narrowest chart at zoom 1 (a 320 px screen's pane); the first view fits every event.
const MIN_WIDTH: f64 = 280.0;
/// Above this many events, events of the same date share one mark.
pub const GROUP_ABOVE: usize = 150;

fn granularity_class(e: &Event) -> &'static str {
    match (e.granularity, e.end_value.is_some()) {
        (Granularity::Year, _) => "g-year",
        (Granularity::Month, _) => "g-month",
        (_, true) => "g-range",
        _ => "g-day",
    }
}

/// The selected row's corrections: a new date, "not a date", and a new label.
fn date_fix(e: &Event, input: &NodeRef, label_input: &NodeRef, on_correct: &Callback<Correction>) -> Html {
    let redate = {
        let (input, timex, on) = (input.clone(), e.timex.clone(), on_correct.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                on.emit(Correction::Redate { timex: timex.clone(), value: i.value().trim().to_owned() });
            }
        })
    };
    let timex = e.timex.clone();
    let undate = on_correct.reform(move |_: MouseEvent| Correction::Undate { timex: timex.clone() });
    // Say in other words what happened (the label on the timeline).
    let relabel = {
        let (timex, on, label_input) = (e.timex.clone(), on_correct.clone(), label_input.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(i) = label_input.cast::<web_sys::HtmlInputElement>() {
                on.emit(Correction::Relabel { timex: timex.clone(), label: i.value().trim().to_owned() });
            }
        })
    };
    html! {
        <div class="date-fix">
            <form onsubmit={redate}>
                <label for="fix-date">{ "Date (YYYY, YYYY-MM or YYYY-MM-DD)" }</label>
                <input id="fix-date" ref={input.clone()} value={e.value.as_str().chars().take(10).collect::<String>()} inputmode="numeric" />
                <button type="submit">{ "Fix date" }</button>
            </form>
            <button type="button" class="undate" onclick={undate}>{ "Not a date" }</button>
            <form class="relabel" onsubmit={relabel}>
                <label for="fix-label">{ "What happened" }</label>
                <input id="fix-label" ref={label_input.clone()} value={e.label.clone()} maxlength="200" />
                <button type="submit">{ "Save label" }</button>
            </form>
        </div>
    }
}

/// Two-finger pinch: the touches down and the zoom when the second one landed.
#[derive(Default)]
struct Pinch {
    points: Vec<(i32, (i32, i32))>,
    start: Option<(f64, f64)>,
}

impl Pinch {
    fn spread(&self) -> f64 {
        match self.points.as_slice() {
            [(_, a), (_, b)] => f64::from(a.0 - b.0).hypot(f64::from(a.1 - b.1)),
            _ => 0.0,
        }
    }

    fn down(&mut self, id: i32, at: (i32, i32), zoom: f64) {
        self.points.retain(|(p, _)| *p != id);
        self.points.push((id, at));
        self.start = (self.points.len() == 2 && self.spread() > 0.0).then(|| (self.spread(), zoom));
    }

    /// A touch moved: the new zoom, while two fingers pinch.
    fn moved(&mut self, id: i32, at: (i32, i32)) -> Option<f64> {
        if let Some(p) = self.points.iter_mut().find(|(p, _)| *p == id) {
            p.1 = at;
        }
        let (spread0, zoom0) = self.start?;
        Some(zoom0 * self.spread() / spread0)
    }

    fn up(&mut self, id: i32) {
        self.points.retain(|(p, _)| *p != id);
        self.start = None;
    }
}

/// The timeline pane.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let zoom = use_state(|| 1.0_f64);
    // The chart fits its pane at zoom 1: measure the pane once mounted (and on "Fit all").
    let base = use_state(|| BASE_WIDTH);
    let pane = use_node_ref();
    {
        let (base, pane) = (base.clone(), pane.clone());
        use_effect_with(*zoom == 1.0, move |_| {
            if let Some(el) = pane.cast::<web_sys::Element>() {
                // The chart is as wide as its pane: at zoom 1 every event is in view.
                let w = (f64::from(el.client_width()) - 12.0).max(MIN_WIDTH);
                if (w - *base).abs() > 1.0 {
                    base.set(w);
                }
            }
        });
    }
    let doc = &props.doc.0;
    let ann = &doc.annotation;
    // Each event's calendar days, parsed once per document (not on every selection).
    let days = use_memo(props.doc.clone(), |d| {
        d.0.annotation
            .events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| lede_engine::event_days(&e.value, e.end_value.as_ref()).map(|d| (i, d)))
            .collect::<Vec<_>>()
    });
    let events: Vec<(&Event, (i64, i64))> = days.iter().filter_map(|&(i, d)| ann.events.get(i).map(|e| (e, d))).collect();
    let selected_entity = match &props.selection {
        Selection::Entity(id) => Some(id.as_str()),
        _ => None,
    };
    let set_zoom = {
        let zoom = zoom.clone();
        move |z: f64| zoom.set(z.clamp(1.0, MAX_ZOOM))
    };
    let zoom_in = {
        let (z, set) = (*zoom, set_zoom.clone());
        Callback::from(move |_: MouseEvent| set(z * 1.5))
    };
    let zoom_out = {
        let (z, set) = (*zoom, set_zoom.clone());
        Callback::from(move |_: MouseEvent| set(z / 1.5))
    };
    let fit = {
        let set = set_zoom.clone();
        Callback::from(move |_: MouseEvent| {
            set(1.0);
            crate::web::scroll_chart("", true);
        })
    };
    // The selected event stays in the chart's view (it scrolls sideways; the page does not).
    use_effect_with((props.selection.clone(), *zoom), |(sel, _)| {
        if matches!(sel, Selection::Event(_)) {
            crate::web::scroll_chart("g.ev.selected", false);
        }
    });
    let (prev, next) = (props.on_step.reform(|_: MouseEvent| -1), props.on_step.reform(|_: MouseEvent| 1));
    let onkeydown = {
        let (z, set) = (*zoom, set_zoom.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "+" | "=" => set(z * 1.5),
            "-" | "_" => set(z / 1.5),
            "0" => set(1.0),
            _ => {}
        })
    };
    let onwheel = {
        let (z, set) = (*zoom, set_zoom.clone());
        Callback::from(move |e: WheelEvent| {
            // Pinch (ctrl+wheel) and plain vertical wheel zoom; horizontal wheel scrolls.
            if e.delta_y().abs() > e.delta_x().abs() {
                e.prevent_default();
                set(if e.delta_y() < 0.0 { z * 1.2 } else { z / 1.2 });
            }
        })
    };
    // Drag to pan with a mouse (the chart scrolls inside its own container); on a touch screen one
    // finger scrolls natively (`touch-action: pan-x`) and two fingers pinch to zoom.
    let drag = use_mut_ref(|| None::<(i32, i32)>);
    let touches = use_mut_ref(Pinch::default);
    let on_pointer_down = {
        let (drag, pane, touches, z) = (drag.clone(), pane.clone(), touches.clone(), *zoom);
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                touches.borrow_mut().down(e.pointer_id(), (e.client_x(), e.client_y()), z);
            } else if let Some(el) = pane.cast::<web_sys::Element>() {
                if e.button() == 0 && e.pointer_type() == "mouse" {
                    *drag.borrow_mut() = Some((e.client_x(), el.scroll_left()));
                }
            }
        })
    };
    let on_pointer_move = {
        let (drag, pane, touches, set) = (drag.clone(), pane.clone(), touches.clone(), set_zoom.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                if let Some(z) = touches.borrow_mut().moved(e.pointer_id(), (e.client_x(), e.client_y())) {
                    set(z);
                }
            } else if let (Some((x0, left0)), Some(el)) = (*drag.borrow(), pane.cast::<web_sys::Element>()) {
                el.set_scroll_left(left0 - (e.client_x() - x0));
            }
        })
    };
    let on_pointer_up = {
        let (drag, touches) = (drag.clone(), touches.clone());
        Callback::from(move |e: PointerEvent| {
            touches.borrow_mut().up(e.pointer_id());
            *drag.borrow_mut() = None;
        })
    };
    let toggle = props.on_toggle_list.reform(|_: MouseEvent| ());
    let toolbar = html! {
        <div class="tl-toolbar" role="toolbar" aria-label="Timeline controls">
            if !props.list_view {
                <button type="button" onclick={zoom_out} aria-label="Zoom out" disabled={*zoom <= 1.0}>{ "−" }</button>
                <button type="button" onclick={zoom_in} aria-label="Zoom in" disabled={*zoom >= MAX_ZOOM}>{ "+" }</button>
                <button type="button" onclick={fit}>{ "Fit all" }</button>
            }
            <button type="button" onclick={prev} aria-label="Previous event" title="Previous event (p)">{ "‹" }</button>
            <button type="button" onclick={next} aria-label="Next event" title="Next event (n)">{ "›" }</button>
            <button type="button" class="list-toggle" aria-pressed={props.list_view.to_string()} onclick={toggle}>{ "Table view" }</button>
        </div>
    };
    // Long articles can hold thousands of events: past GROUP_ABOVE, events of the same
    // date are drawn as one mark ("12 events: …") so the chart stays readable and fast.
    let mut shown: Vec<(&Event, (i64, i64), usize, bool)> = Vec::new(); // (first, days, count, has entity)
    let has = |e: &Event| selected_entity.is_none_or(|s| e.entities.iter().any(|x| x == s));
    if events.len() > GROUP_ABOVE {
        for (e, d) in &events {
            match shown.last_mut() {
                Some(last) if last.0.value == e.value && last.0.end_value == e.end_value => {
                    last.2 += 1;
                    last.3 |= has(e);
                }
                _ => shown.push((e, *d, 1, has(e))),
            }
        }
    } else {
        shown = events.iter().map(|(e, d)| (*e, *d, 1, has(e))).collect();
    }
    // The chart is one Tab stop: the active event (the selected one, else the last one the arrow
    // keys reached, else the first) has tabindex 0; arrows, Home and End move between events in
    // date order (a roving tabindex).
    let ids: Rc<Vec<String>> = Rc::new(shown.iter().map(|(e, ..)| e.id.clone()).collect());
    let roving = use_state(|| 0usize);
    let active = match &props.selection {
        Selection::Event(id) => ids.iter().position(|x| x == id),
        _ => None,
    }
    .unwrap_or(*roving)
    .min(ids.len().saturating_sub(1));
    let labels: Vec<String> =
        shown.iter().map(|(e, _, n, _)| if *n > 1 { short_label(&format!("{n} events: {}", e.label)) } else { short_label(&e.label) }).collect();
    let date_input = use_node_ref();
    let label_input = use_node_ref();
    let redated: Vec<&str> =
        ann.corrections.iter().filter_map(|c| if let Correction::Redate { timex, .. } = c { Some(timex.as_str()) } else { None }).collect();
    let body = if events.is_empty() {
        html! { <p class="empty">{ "No dated events were found in this article." }</p> }
    } else if props.list_view {
        html! {
            <table class="event-table">
                <caption class="visually-hidden">{ "Dated events, by date" }</caption>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Event" }</th><th scope="col">{ "Who and where" }</th><th scope="col">{ "Correct" }</th></tr></thead>
                <tbody>
                    { for events.iter().map(|(e, _)| {
                        let id = e.id.clone();
                        let onclick = props.on_select.reform(move |_: MouseEvent| id.clone());
                        let pressed = props.selection == Selection::Event(e.id.clone());
                        let dim = selected_entity.is_some_and(|s| !e.entities.iter().any(|x| x == s));
                        let who: Vec<&str> = e.entities.iter().filter_map(|id| ann.entities.iter().find(|x| &x.id == id)).map(|x| x.name.as_str()).collect();
                        html! {
                            <tr class={classes!(dim.then_some("dim"))}>
                                <td>{ format::event_date(&e.value, e.end_value.as_ref()) }{ if e.year_inferred { " (year inferred)" } else { "" } }</td>
                                <td><button type="button" class="link" data-event={e.id.clone()} aria-pressed={pressed.to_string()} {onclick}>{ &e.label }</button></td>
                                <td>{ who.join(", ") }</td>
                                <td>{ if pressed { date_fix(e, &date_input, &label_input, &props.on_correct) } else if redated.contains(&e.timex.as_str()) { html! { <span class="corrected">{ "corrected" }</span> } } else { Html::default() } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    } else {
        let items: Vec<Item> = shown.iter().zip(&labels).map(|((_, (s, e), _, _), l)| Item { start: *s, end: *e, label_chars: l.chars().count() }).collect();
        let width = *base * *zoom;
        let scale = Scale::build(&items, width);
        let placed = lanes(&items, &scale);
        let n_lanes = placed.iter().map(|p| p.lane + 1).max().unwrap_or(1);
        let axis_y = TOP_PX + n_lanes as f64 * LANE_PX + 6.0;
        let height = axis_y + AXIS_PX;
        let published = ann.article.meta.published.and_then(|p| lede_engine::TimexValue::parse(&p.to_iso()[..10]).days()).map(|d| scale.x(d.0));
        html! {
            <div class="tl-scroll" ref={pane.clone()} role="region" aria-label="Timeline chart (arrow keys, Home and End move between events; + and − zoom)" {onkeydown} {onwheel}
                onpointerdown={on_pointer_down} onpointermove={on_pointer_move} onpointerup={on_pointer_up.clone()} onpointercancel={on_pointer_up.clone()} onpointerleave={on_pointer_up}>
                <svg class="tl" width={format!("{width:.0}")} height={format!("{height:.0}")} viewBox={format!("-4 0 {:.0} {height:.0}", width + 8.0)} role="list" aria-label="Dated events">
                    // Axis segments, ticks and breaks.
                    { for scale.segments.iter().enumerate().map(|(k, seg)| html! {
                        <g class="axis" aria-hidden="true">
                            <line x1={format!("{:.1}", seg.x0)} x2={format!("{:.1}", seg.x1)} y1={format!("{axis_y:.1}")} y2={format!("{axis_y:.1}")} />
                            { for ticks(seg).into_iter().enumerate().map(|(t, (x, label))| html! {
                                <g>
                                    <line class="tick" x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{axis_y:.1}")} y2={format!("{:.1}", axis_y + 5.0)} />
                                    // The first label of a segment starts at its tick so it never runs into the break.
                                    <text x={format!("{x:.1}")} y={format!("{:.1}", axis_y + 18.0)} text-anchor={if t == 0 { "start" } else { "middle" }}>{ label }</text>
                                </g>
                            }) }
                            if k + 1 < scale.segments.len() {
                                <path class="break" d={format!("M{:.1},{:.1} l4,-6 l4,12 l4,-6", seg.x1 + (BREAK_PX - 12.0) / 2.0, axis_y)} />
                            }
                        </g>
                    }) }
                    if let Some(px) = published {
                        <g class="published-mark" aria-hidden="true">
                            <line x1={format!("{px:.1}")} x2={format!("{px:.1}")} y1="0" y2={format!("{axis_y:.1}")} />
                            <text x={format!("{:.1}", px - 3.0)} y="10" text-anchor="end">{ "Published" }</text>
                        </g>
                    }
                    { for shown.iter().zip(&placed).zip(&labels).enumerate().map(|(k, (((e, _, _, with_entity), p), label))| {
                        let y = TOP_PX + p.lane as f64 * LANE_PX;
                        let id = e.id.clone();
                        let onclick = props.on_select.reform(move |_: MouseEvent| id.clone());
                        let id = e.id.clone();
                        let on_select = props.on_select.clone();
                        let (ids, roving) = (ids.clone(), roving.clone());
                        let onkeydown = Callback::from(move |key: KeyboardEvent| {
                            let last = ids.len().saturating_sub(1);
                            let to = match key.key().as_str() {
                                "Enter" | " " => {
                                    key.prevent_default();
                                    on_select.emit(id.clone());
                                    return;
                                }
                                "ArrowRight" | "ArrowDown" => (k + 1).min(last),
                                "ArrowLeft" | "ArrowUp" => k.saturating_sub(1),
                                "Home" => 0,
                                "End" => last,
                                _ => return,
                            };
                            key.prevent_default();
                            roving.set(to);
                            if let Some(next) = ids.get(to) {
                                crate::web::focus(&format!("svg.tl g.ev[data-event=\"{next}\"]"));
                            }
                        });
                        let selected = props.selection == Selection::Event(e.id.clone());
                        let dim = !*with_entity;
                        let date = format::event_date(&e.value, e.end_value.as_ref());
                        let name = format!("{date}{}: {}", if e.year_inferred { " (year inferred)" } else { "" }, e.label);
                        let mark = if p.x1 > p.x0 {
                            html! { <rect class="band" x={format!("{:.1}", p.x0)} y={format!("{:.1}", y + 2.0)} width={format!("{:.1}", p.x1 - p.x0)} height="6" rx="2" /> }
                        } else {
                            html! { <circle class="dot" cx={format!("{:.1}", p.x0)} cy={format!("{:.1}", y + 5.0)} r="5" /> }
                        };
                        html! {
                            <g class={classes!("ev", granularity_class(e), e.year_inferred.then_some("inferred"), selected.then_some("selected"), dim.then_some("dim"))}
                                data-event={e.id.clone()} tabindex={if k == active { "0" } else { "-1" }} role="listitem" aria-label={name.clone()} aria-current={selected.then_some("true")} {onclick} {onkeydown}>
                                <title>{ name }</title>
                                { mark }
                                <line class="guide" x1={format!("{:.1}", p.x0)} x2={format!("{:.1}", p.x0)} y1={format!("{:.1}", y + 10.0)} y2={format!("{axis_y:.1}")} />
                                if p.label_x < p.x0 {
                                    <text x={format!("{:.1}", p.x0 - 8.0)} y={format!("{:.1}", y + 17.0)} text-anchor="end">{ label.clone() }</text>
                                } else {
                                    <text x={format!("{:.1}", p.label_x + 8.0)} y={format!("{:.1}", y + 17.0)}>{ label.clone() }</text>
                                }
                            </g>
                        }
                    }) }
                </svg>
            </div>
        }
    };
    // The event list for print (the chart does not print well); no controls, no ids.
    let print_table = if props.list_view || events.is_empty() {
        Html::default()
    } else {
        html! {
            <table class="event-table print-only" aria-hidden="true">
                <tbody>
                    { for shown.iter().zip(&labels).map(|((e, _, n, _), label)| html! {
                        <tr><td>{ format::event_date(&e.value, e.end_value.as_ref()) }</td><td>{ if *n > 1 { label.clone() } else { e.label.clone() } }</td></tr>
                    }) }
                </tbody>
            </table>
        }
    };
    html! {
        <section class="timeline-pane" aria-labelledby="timeline-h">
            <div class="tl-head">
                <h2 id="timeline-h">{ "Timeline" }<span class="count">{ events.len() }</span></h2>
                { toolbar }
            </div>
            { body }
            if !props.list_view && !events.is_empty() {
                // What the marks mean, without hovering.
                <p class="tl-legend">
                    <span class="key"><svg width="12" height="12" aria-hidden="true"><circle class="k-dot" cx="6" cy="6" r="4" /></svg>{ "a day" }</span>
                    <span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="k-bar" x="1" y="3" width="20" height="6" rx="2" /></svg>{ "a range of days" }</span>
                    <span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="k-band" x="1" y="3" width="20" height="6" rx="2" /></svg>{ "a month or a year" }</span>
                    <span class="key"><svg width="22" height="12" aria-hidden="true"><rect class="k-inferred" x="1" y="3" width="20" height="6" rx="2" /></svg>{ "year inferred" }</span>
                    <span class="key"><svg width="10" height="12" aria-hidden="true"><line class="k-published" x1="5" x2="5" y1="0" y2="12" /></svg>{ "published" }</span>
                </p>
            }
            { print_table }
        </section>
    }
}
