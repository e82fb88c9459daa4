//! The gate between readers of a pinned view and the one writer (see
//! `db::Shared`). Readers pass through it for the length of a read; the writer closes
//! it only when it is about to change data that pinned readers can see (a merge, a
//! retraction, a link, a user), waits for the readers inside to leave, and opens it
//! again once the new view is published. A write that only adds (reports, verdicts,
//! claims) never closes it: what it adds lies past every pinned reader's offset.
//!
//! Not a `RwLock` because the writer's side is taken deep inside a write (by the store,
//! at its first change of visible data) and released by whoever publishes the view,
//! so it cannot be a guard borrowed from one stack frame.

use std::sync::{Condvar, Mutex, MutexGuard};

#[derive(Default)]
struct State {
    /// Readers inside.
    readers: usize,
    /// The writer is waiting for readers to leave, or has closed the gate.
    closing: bool,
}

/// See the module documentation.
#[derive(Default)]
pub struct Gate {
    state: Mutex<State>,
    changed: Condvar,
}

/// A reader's passage: the gate cannot close while it lives.
pub struct Pass<'a>(&'a Gate);

impl Gate {
    fn lock(&self) -> MutexGuard<'_, State> {
        // The state is two counters, valid whatever a panicking holder was doing.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Enter as a reader, waiting while the gate is closed or closing (a waiting
    /// writer goes first, so a stream of readers cannot starve it).
    pub fn enter(&self) -> Pass<'_> {
        let mut s = self.lock();
        while s.closing {
            s = self.changed.wait(s).unwrap_or_else(|p| p.into_inner());
        }
        s.readers += 1;
        Pass(self)
    }

    /// Close the gate and wait until no reader is inside. Closing a closed gate does
    /// nothing. Only the writer calls this, and never while it holds a [`Pass`].
    pub fn close(&self) {
        let mut s = self.lock();
        s.closing = true;
        while s.readers > 0 {
            s = self.changed.wait(s).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Whether the gate is closed (or closing).
    pub fn is_closed(&self) -> bool {
        self.lock().closing
    }

    /// Open the gate again.
    pub fn open(&self) {
        self.lock().closing = false;
        self.changed.notify_all();
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        let mut s = self.0.lock();
        s.readers -= 1;
        drop(s);
        self.0.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    #[test]
    fn close_waits_for_readers_and_holds_new_ones() {
        let gate = Arc::new(Gate::default());
        let pass = gate.enter();
        let closed = Arc::new(AtomicBool::new(false));
        let (g, c) = (gate.clone(), closed.clone());
        let writer = std::thread::spawn(move || {
            g.close();
            c.store(true, Ordering::SeqCst);
        });
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(
            !closed.load(Ordering::SeqCst),
            "closed while a reader was inside"
        );
        drop(pass);
        writer.join().unwrap();
        assert!(closed.load(Ordering::SeqCst));
        let entered = Arc::new(AtomicBool::new(false));
        let (g, e) = (gate.clone(), entered.clone());
        let reader = std::thread::spawn(move || {
            let _p = g.enter();
            e.store(true, Ordering::SeqCst);
        });
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(
            !entered.load(Ordering::SeqCst),
            "a reader entered a closed gate"
        );
        gate.open();
        reader.join().unwrap();
        assert!(entered.load(Ordering::SeqCst));
    }
}
