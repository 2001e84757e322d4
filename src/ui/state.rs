//! The app state held by Yew: the scenario, the report derived from it, and what the page has to say.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{report, report_after, Action, Region, Report, Scenario};

/// The DOM id of the halving-month control, beside which a refused month is explained.
pub const HALVING_DATE: &str = "halving-date";

/// An action the model refused, and the region it was about (for messages shown beside it).
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub region_id: Option<Rc<str>>,
    /// The DOM id of the global control it was about, if one (the halving month).
    pub field: Option<&'static str>,
    pub message: String,
}

/// A message across the top of the page: a title and the details, one per line.
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    pub title: String,
    pub lines: Vec<String>,
}

/// What the page can be asked to do: a model action, or a change of the whole scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Do(Action),
    /// Replaces the scenario (reset, or an imported file), optionally with a banner.
    Replace(Box<Scenario>, Option<Banner>),
    /// Shows a banner without touching the scenario (for example a refused import).
    Tell(Banner),
    DismissBanner,
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Do(action)
    }
}

/// The scenario and its report, kept together so the report is derived once per action and
/// every view reads the same one.
#[derive(Debug, PartialEq)]
pub struct AppState {
    pub scenario: Scenario,
    pub report: Rc<Report>,
    /// The region removed last and where it stood, for "Undo".
    pub last_removed: Option<(usize, Region)>,
    pub refusal: Option<Refusal>,
    pub banner: Option<Banner>,
}

impl AppState {
    pub fn new(scenario: Scenario, banner: Option<Banner>) -> Self {
        let report = Rc::new(report(&scenario));
        AppState { scenario, report, last_removed: None, refusal: None, banner }
    }

    /// The same scenario and report with other messages: nothing is derived again.
    fn with(&self, refusal: Option<Refusal>, banner: Option<Banner>) -> Rc<Self> {
        Rc::new(AppState {
            scenario: self.scenario.clone(),
            report: self.report.clone(),
            last_removed: self.last_removed.clone(),
            refusal,
            banner,
        })
    }
}

impl Reducible for AppState {
    type Action = Msg;

    /// Applies a message. A refused action keeps the scenario and report (and so re-renders
    /// nothing but the message); the controls validate numbers before dispatching, so for them
    /// a refusal here is only a second guard.
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let action = match msg {
            Msg::Do(action) => action,
            Msg::Replace(scenario, banner) => return Rc::new(AppState::new(*scenario, banner)),
            Msg::Tell(banner) => return self.with(self.refusal.clone(), Some(banner)),
            Msg::DismissBanner => return self.with(self.refusal.clone(), None),
        };
        let mut scenario = self.scenario.clone();
        let region_id = match &action {
            Action::SetRegion(i, ..)
            | Action::RenameRegion(i, _)
            | Action::SetNote(i, _)
            | Action::RemoveRegion(i)
            | Action::DuplicateRegion(i)
            | Action::MoveRegion(i, _) => scenario.regions.get(*i).map(|r| r.id.clone()),
            _ => None,
        };
        let field = match &action {
            Action::SetHalvingMonth(_) | Action::SetStartMonth(_) => Some(HALVING_DATE),
            _ => None,
        };
        let removed = match &action {
            Action::RemoveRegion(i) => scenario.regions.get(*i).map(|r| (*i, r.clone())),
            _ => None,
        };
        match scenario.apply(&action) {
            Ok(()) => {
                // The previous report lends what the action left unchanged (see `report_after`).
                let report = Rc::new(report_after(&self.report, &scenario));
                let mut next =
                    AppState { scenario, report, last_removed: None, refusal: None, banner: self.banner.clone() };
                next.last_removed = match action {
                    Action::RemoveRegion(_) => removed,
                    _ if action.keeps_undo() => self.last_removed.clone(),
                    _ => None,
                };
                Rc::new(next)
            }
            Err(e) => self.with(Some(Refusal { region_id, field, message: e.to_string() }), self.banner.clone()),
        }
    }
}
