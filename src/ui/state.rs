//! The app state held by Yew: the scenario, the report derived from it, and what the last action left to say.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{report, Action, Region, Report, Scenario};

/// An action the model refused, and the region it was about (for messages shown beside it).
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub region_id: Option<Rc<str>>,
    pub message: String,
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
}

impl AppState {
    pub fn new(scenario: Scenario) -> Self {
        let report = Rc::new(report(&scenario));
        AppState { scenario, report, last_removed: None, refusal: None }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(Scenario::default())
    }
}

impl Reducible for AppState {
    type Action = Action;

    /// Applies the action. A refused action keeps the scenario and report (and so re-renders
    /// nothing but the message); the controls validate numbers before dispatching, so for them
    /// a refusal here is only a second guard.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
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
        let removed = match &action {
            Action::RemoveRegion(i) => scenario.regions.get(*i).map(|r| (*i, r.clone())),
            _ => None,
        };
        match scenario.apply(&action) {
            Ok(()) => {
                let mut next = AppState::new(scenario);
                next.last_removed = match action {
                    Action::RemoveRegion(_) => removed,
                    // Any other structural change makes an old undo confusing; values do not.
                    Action::SetGlobal(..) | Action::SetRegion(..) => self.last_removed.clone(),
                    _ => None,
                };
                Rc::new(next)
            }
            Err(e) => Rc::new(AppState {
                scenario: self.scenario.clone(),
                report: self.report.clone(),
                last_removed: self.last_removed.clone(),
                refusal: Some(Refusal { region_id, message: e.to_string() }),
            }),
        }
    }
}
