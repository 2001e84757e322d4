//! The app state held by Yew: the scenario and the report derived from it on every action.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{report, Action, Report, Scenario};

/// The scenario and its report, kept together so the report is derived once per action
/// and every view reads the same one.
#[derive(Debug, PartialEq)]
pub struct AppState {
    pub scenario: Scenario,
    pub report: Rc<Report>,
}

impl AppState {
    pub fn new(scenario: Scenario) -> Self {
        let report = Rc::new(report(&scenario));
        AppState { scenario, report }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(Scenario::default())
    }
}

impl Reducible for AppState {
    type Action = Action;

    /// Applies the action; a refused value keeps the old state (and its `Rc`), so nothing
    /// re-renders. The controls validate before dispatching, so a refusal here is a second guard.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut scenario = self.scenario.clone();
        match scenario.apply(&action) {
            Ok(()) => Rc::new(AppState::new(scenario)),
            Err(_) => self,
        }
    }
}
