//! One database shared by many threads (`corroborate serve`): one writer at a time,
//! and readers that never wait for a write that only adds.
//!
//! Readers read a pinned view ([`Database::snapshot`]): the store as of the last
//! applied commit, its ledger up to there, a copy of the registry. The writer works on
//! the live database meanwhile. Everything an import adds (claims, reports, chunks,
//! postings, verdicts) sits at ledger positions at or past the view's offset, which
//! the view skips, so readers keep seeing the state before the import until it
//! commits; then the writer publishes a new view. A write that changes data a view
//! can see (a merge re-points reports, a retraction, a link, a user) closes the
//! [`Gate`] first: it waits for the readers inside to finish and holds new ones until
//! the new view is published.

use std::sync::{Arc, Mutex};

use super::Database;
use crate::error::{Error, Result};
use crate::store::{Gate, Pass};

/// See the module documentation.
pub struct Shared {
    writer: Mutex<Database>,
    /// The view readers get; `None` once it could not be renewed after a write.
    view: Mutex<Option<Arc<Database>>>,
    gate: Arc<Gate>,
}

/// A read of a [`Shared`] database: the view, and the reader's passage through the
/// gate (no write changes what the view sees while it lives).
pub struct Reading<'a> {
    db: Arc<Database>,
    _pass: Pass<'a>,
}

impl std::ops::Deref for Reading<'_> {
    type Target = Database;
    fn deref(&self) -> &Database {
        &self.db
    }
}

fn broken(what: &str) -> Error {
    Error::Unavailable(format!("{what} failed while holding the database"))
}

impl Shared {
    /// Share `db`.
    pub fn new(mut db: Database) -> Result<Shared> {
        let gate = Arc::new(Gate::default());
        db.store.set_gate(Some(gate.clone()));
        let view = Arc::new(db.snapshot()?);
        Ok(Shared {
            writer: Mutex::new(db),
            view: Mutex::new(Some(view)),
            gate,
        })
    }

    /// Read the state of the last finished write. Waits only while a write that
    /// changes visible data runs. Never call [`Shared::write`] while holding one.
    pub fn read(&self) -> Result<Reading<'_>> {
        let pass = self.gate.enter();
        let view = self.view.lock().map_err(|_| broken("a request"))?;
        let db = view
            .clone()
            .ok_or_else(|| broken("renewing the readers' view"))?;
        Ok(Reading { db, _pass: pass })
    }

    /// Run `f` as the one writer, then publish what it did to readers.
    pub fn write<T>(&self, f: impl FnOnce(&mut Database) -> T) -> Result<T> {
        let mut db = self.writer.lock().map_err(|_| broken("a write"))?;
        // However `f` ends, the gate opens again, after the view is renewed; a write
        // that panicked may have changed part of what the view sees, so readers are
        // then refused (as the writer is: its mutex is poisoned).
        struct Reopen<'a>(&'a Shared);
        impl Drop for Reopen<'_> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    if let Ok(mut view) = self.0.view.lock() {
                        *view = None;
                    }
                }
                self.0.gate.open();
            }
        }
        let _reopen = Reopen(self);
        let out = f(&mut db);
        // A write undone after its commit may have left part of itself in the store
        // (which is marked for a rebuild): no view of it is right any more.
        let next = match db.poisoned {
            true => None,
            false => db.snapshot().ok().map(Arc::new),
        };
        let mut view = self.view.lock().map_err(|_| broken("a request"))?;
        if next.is_none() && !db.poisoned && !self.gate.is_closed() {
            // Nothing a view sees changed: the old one is still right.
            return Ok(out);
        }
        *view = next;
        Ok(out)
    }

    /// The database, once nobody else shares it.
    pub fn into_inner(self) -> Result<Database> {
        let mut db = self.writer.into_inner().map_err(|_| broken("a write"))?;
        db.store.set_gate(None);
        Ok(db)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc;

    fn report(text: &str, chain: &str) -> String {
        format!("{{\"type\":\"report\",\"claim\":\"{text}\",\"chain\":\"{chain}\"}}\n")
    }

    /// Once armed, stops a write after it has been recorded and applied to the store,
    /// before the readers' view is renewed, until told to go on.
    struct Pause {
        armed: Arc<AtomicBool>,
        reached: mpsc::Sender<()>,
        go: Mutex<mpsc::Receiver<()>>,
    }

    impl crate::db::Observer for Pause {
        fn done(&mut self) {
            if self.armed.swap(false, Ordering::SeqCst) {
                let _ = self.reached.send(());
                let _ = self.go.lock().unwrap().recv();
            }
        }
    }

    /// Readers see the state before an import until it ends, even once the store
    /// holds all of it; they do not wait for it; afterwards they see all of it.
    #[test]
    fn readers_see_the_state_before_an_unfinished_import() {
        let dir = tempfile::tempdir().unwrap();
        let armed = Arc::new(AtomicBool::new(false));
        let (reached_tx, reached) = mpsc::channel();
        let (go, go_rx) = mpsc::channel();
        let observer = Box::new(Pause {
            armed: armed.clone(),
            reached: reached_tx,
            go: Mutex::new(go_rx),
        });
        let opts = crate::db::OpenOptions {
            observer,
            ..Default::default()
        };
        let mut db = Database::open_with(dir.path(), opts).unwrap();
        let first = report("The dam was built in 1931", "Reuters");
        db.import(Cursor::new(first), "test", &mut |_| {}).unwrap();
        let shared = Arc::new(Shared::new(db).unwrap());
        let count = |r: &Database| r.claims().count();
        let log = |r: &Database| r.log(None).unwrap().len();
        assert_eq!(
            (count(&shared.read().unwrap()), log(&shared.read().unwrap())),
            (1, 1)
        );
        armed.store(true, Ordering::SeqCst);
        let s2 = shared.clone();
        let writer = std::thread::spawn(move || {
            s2.write(|db| {
                let mut lines = report("The dam was built in 1931", "AP via Reuters");
                for i in 0..3 {
                    lines.push_str(&report(&format!("The bridge has {i} lanes"), "AP"));
                }
                db.import(Cursor::new(lines), "test", &mut |_| {}).unwrap();
            })
            .unwrap();
        });
        reached.recv().unwrap();
        // The import is committed and applied to the store, its view not yet
        // published: a read neither waits nor sees any of it.
        let before = shared.read().unwrap();
        assert_eq!(count(&before), 1);
        assert_eq!(before.claims().next().unwrap().unwrap().reports.len(), 1);
        assert_eq!(log(&before), 1);
        assert_eq!(before.store().claim_count(), 1);
        go.send(()).unwrap();
        writer.join().unwrap();
        // The old view, still held, is unchanged; a new read sees the import.
        assert_eq!(count(&before), 1);
        drop(before);
        let after = shared.read().unwrap();
        assert_eq!((count(&after), log(&after)), (4, 2));
        assert_eq!(after.claims().next().unwrap().unwrap().reports.len(), 2);
        drop(after);
        let db = Arc::try_unwrap(shared).ok().unwrap().into_inner().unwrap();
        assert!(db.verify().unwrap().problems.is_empty());
    }

    /// A write that changes what readers see (a link between two claims) waits for
    /// the readers inside, and the readers after it see the change.
    #[test]
    fn a_changing_write_waits_for_readers_inside() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(dir.path()).unwrap();
        let lines = report("The dam was built in 1931", "Reuters")
            + &report("The dam dates from 1931", "AP");
        db.import(Cursor::new(lines), "test", &mut |_| {}).unwrap();
        let ids: Vec<_> = db.claims().map(|c| c.unwrap().id).collect();
        let shared = Arc::new(Shared::new(db).unwrap());
        let reader = shared.read().unwrap();
        let done = Arc::new(AtomicBool::new(false));
        let (s2, d2) = (shared.clone(), done.clone());
        let writer = std::thread::spawn(move || {
            s2.write(|db| db.link(&ids[0], &ids[1], true).unwrap())
                .unwrap();
            d2.store(true, Ordering::SeqCst);
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(
            !done.load(Ordering::SeqCst),
            "the link was applied under a reader"
        );
        assert_eq!(reader.store().links().unwrap().len(), 0);
        drop(reader);
        writer.join().unwrap();
        assert_eq!(shared.read().unwrap().store().links().unwrap().len(), 1);
    }
}
