//! The one reducer that holds the reader's selection and view state. Pure: tested natively.

use std::rc::Rc;

use lede_engine::EntityKind;
use yew::Reducible;

/// What the reader has selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// An entity, by id.
    Entity(String),
    /// A dated event, by id.
    Event(String),
}

impl Selection {
    /// The URL fragment that carries the selection (`#entity=<id>`, `#event=<id>`, or empty).
    pub fn to_hash(&self) -> String {
        match self {
            Selection::None => String::new(),
            Selection::Entity(id) => format!("#entity={}", encode(id)),
            Selection::Event(id) => format!("#event={}", encode(id)),
        }
    }

    /// Read a URL fragment; anything unrecognised is no selection.
    pub fn from_hash(hash: &str) -> Selection {
        let h = hash.trim_start_matches('#');
        let valid = |id: &str| !id.is_empty() && id.len() <= 200 && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if let Some(id) = h.strip_prefix("entity=").filter(|id| valid(id)) {
            Selection::Entity(id.to_owned())
        } else if let Some(id) = h.strip_prefix("event=").filter(|id| valid(id)) {
            Selection::Event(id.to_owned())
        } else {
            Selection::None
        }
    }
}

/// Ids are slugs; anything else is dropped rather than escaped.
fn encode(id: &str) -> String {
    id.chars().filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_').collect()
}

/// Everything about the view that is not the document itself.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// The selection, mirrored in the URL fragment.
    pub selection: Selection,
    /// Entity types whose highlights are switched off.
    pub hidden: Vec<EntityKind>,
    /// The sidebar's search text.
    pub query: String,
    /// Show the events as a table instead of the visual timeline.
    pub list_view: bool,
    /// Text for the polite live region.
    pub announcement: String,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState { selection: Selection::None, hidden: Vec::new(), query: String::new(), list_view: false, announcement: String::new() }
    }
}

/// What can happen to the view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select an entity (selecting it again clears the selection). The string is its name, for the announcement.
    SelectEntity { id: String, name: String },
    /// Select a dated event (again: clear).
    SelectEvent { id: String, label: String },
    /// Clear the selection.
    Clear,
    /// The URL fragment changed (back/forward, a pasted link).
    FromHash(String),
    /// Switch an entity type's highlights on or off.
    ToggleType(EntityKind),
    /// Filter the sidebar.
    Search(String),
    /// Toggle between the visual timeline and the event table.
    ToggleList,
}

impl ViewState {
    /// Select `sel`, or clear the selection when `sel` is already selected (or is `None`),
    /// with the announcement for the live region.
    fn toggle(&mut self, sel: Selection, announcement: String) {
        if sel == Selection::None || self.selection == sel {
            self.selection = Selection::None;
            self.announcement = "Selection cleared".to_owned();
        } else {
            self.selection = sel;
            self.announcement = announcement;
        }
    }

    /// Apply an action (the pure heart of [`Reducible::reduce`]).
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::SelectEntity { id, name } => next.toggle(Selection::Entity(id), format!("Selected {name}")),
            Action::SelectEvent { id, label } => next.toggle(Selection::Event(id), format!("Selected event: {label}")),
            Action::Clear => next.toggle(Selection::None, String::new()),
            Action::FromHash(h) => next.selection = Selection::from_hash(&h),
            Action::ToggleType(k) => {
                if let Some(i) = next.hidden.iter().position(|x| *x == k) {
                    next.hidden.remove(i);
                } else {
                    next.hidden.push(k);
                }
            }
            Action::Search(q) => next.query = q,
            Action::ToggleList => next.list_view = !next.list_view,
        }
        next
    }
}

/// A reducer step for a state with a pure `apply`: the same `Rc` when the action changed
/// nothing, so nothing that reads the state renders again.
pub fn keep_if_unchanged<T: PartialEq>(state: Rc<T>, next: T) -> Rc<T> {
    if next == *state {
        state
    } else {
        Rc::new(next)
    }
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        keep_if_unchanged(self, next)
    }
}

/// The event `delta` steps away from `current` in `order` (events in date order): from no
/// selection (or one no longer in the order), "next" is the first event and "previous" the
/// last; past either end there is no step.
pub fn step_event<'a>(order: &'a [String], current: Option<&str>, delta: isize) -> Option<&'a str> {
    let to = match current.and_then(|c| order.iter().position(|x| x == c)) {
        Some(i) => i.checked_add_signed(delta)?,
        None if delta >= 0 => 0,
        None => order.len().checked_sub(1)?,
    };
    order.get(to).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_through_events() {
        let order: Vec<String> = ["e1", "e2", "e3"].iter().map(|s| (*s).to_owned()).collect();
        let cases: &[(Option<&str>, isize, Option<&str>)] = &[
            (None, 1, Some("e1")),
            (None, -1, Some("e3")),
            (Some("e1"), 1, Some("e2")),
            (Some("e2"), -1, Some("e1")),
            (Some("e3"), 1, None),
            (Some("e1"), -1, None),
            (Some("gone"), 1, Some("e1")),
        ];
        for &(cur, delta, want) in cases {
            assert_eq!(step_event(&order, cur, delta), want, "{cur:?} {delta}");
        }
        assert_eq!(step_event(&[], None, 1), None);
        assert_eq!(step_event(&[], None, -1), None);
    }

    fn sel_entity(id: &str) -> Action {
        Action::SelectEntity { id: id.into(), name: id.to_uppercase() }
    }

    #[test]
    fn selecting_toggles_and_announces() {
        let s = ViewState::default().apply(sel_entity("wang-yi"));
        assert_eq!(s.selection, Selection::Entity("wang-yi".into()));
        assert_eq!(s.announcement, "Selected WANG-YI");
        let s = s.apply(sel_entity("wang-yi"));
        assert_eq!(s.selection, Selection::None);
        let s = s.apply(Action::SelectEvent { id: "e3".into(), label: "Talks".into() });
        assert_eq!(s.selection, Selection::Event("e3".into()));
        assert_eq!(s.apply(Action::Clear).selection, Selection::None);
    }

    #[test]
    fn hash_round_trip_and_bad_hashes() {
        for sel in [Selection::None, Selection::Entity("sergei-lavrov".into()), Selection::Event("e12".into())] {
            assert_eq!(Selection::from_hash(&sel.to_hash()), sel);
        }
        for bad in ["#entity=", "#entity=<script>", "#foo=bar", "#event=a b", "garbage"] {
            assert_eq!(Selection::from_hash(bad), Selection::None, "{bad}");
        }
        let s = ViewState::default().apply(Action::FromHash("#event=e2".into()));
        assert_eq!(s.selection, Selection::Event("e2".into()));
    }

    #[test]
    fn type_toggles_search_and_list() {
        let s = ViewState::default().apply(Action::ToggleType(EntityKind::Place));
        assert_eq!(s.hidden, [EntityKind::Place]);
        assert!(s.apply(Action::ToggleType(EntityKind::Place)).hidden.is_empty());
        assert_eq!(s.apply(Action::Search("lav".into())).query, "lav");
        assert!(s.apply(Action::ToggleList).list_view);
    }
}
