//! `use_latest`: a value as of the component's last render, for callbacks that read it when they
//! run, so that a child holding such callbacks need not re-render whenever the value changes.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::prelude::*;

/// A shared value compared by pointer: props holding it compare equal while it is the same one,
/// however large it is or however it changes inside.
pub struct Held<T>(pub Rc<T>);

impl<T> Clone for Held<T> {
    fn clone(&self) -> Self {
        Held(self.0.clone())
    }
}

impl<T> PartialEq for Held<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A value as of the last render of the component that made it. Every render hands out the same
/// cell, so props holding a `Latest` compare equal from one render to the next.
pub type Latest<T> = Held<RefCell<Option<T>>>;

impl<T> Latest<T> {
    /// The value the last render gave; hold it only while reading it.
    pub fn get(&self) -> Ref<'_, T> {
        Ref::map(self.0.borrow(), |v| v.as_ref().expect("the render that made the handle set it"))
    }
}

/// Keeps `value` as the latest one and returns the handle on it.
#[hook]
pub fn use_latest<T: 'static>(value: T) -> Latest<T> {
    let cell = use_mut_ref(|| None);
    *cell.borrow_mut() = Some(value);
    Held(cell)
}
