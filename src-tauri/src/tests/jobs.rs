//! Long jobs never freeze the window: a batch print runs on its own connection, so a search answers while
//! the batch is half way (inside its transaction), and the batch still finishes. The test holds the batch
//! after its first certificate until the search has answered: with one shared connection the search
//! would wait for the batch, the batch would give up waiting for the search, and the test fails.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use chrono::Utc;
use petromaks::cases::{CaseFilter, Status};
use petromaks::documents::batch::Selection;

use super::documents::issued;
use super::fixture::{self, code};
use crate::commands::batch::print_batch_in;
use crate::commands::cases::{list_cases_in, today_strip_in};

/// How long either side waits for the other before the test gives up (it never hangs).
const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn a_search_answers_while_a_long_batch_prints() -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("jobs-batch", Some(60))?;
    let ids = issued(&o)?;
    assert!(ids.len() >= 3, "the demo has issued permits: {}", ids.len());
    let selection = Selection::Cases { ids: ids.clone() };
    o.sign_in("loket1")?;
    let (started, on_started) = mpsc::channel::<()>();
    let (answered, on_answered) = mpsc::channel::<()>();
    let (finished, heard) = (AtomicBool::new(false), AtomicBool::new(false));
    let (o, selection, finished, heard) = (&o, &selection, &finished, &heard);
    std::thread::scope(|s| -> Result<(), Box<dyn std::error::Error>> {
        let batch = s.spawn(move || {
            let mut first = true;
            let printed = print_batch_in(
                &o.db,
                &o.session,
                &o.outputs,
                &o.batch,
                selection,
                &mut |_| {
                    if first {
                        first = false;
                        let _ = started.send(());
                        // Still inside the batch's transaction: wait for the search to answer.
                        heard.store(on_answered.recv_timeout(PATIENCE).is_ok(), Ordering::SeqCst);
                    }
                },
            );
            finished.store(true, Ordering::SeqCst);
            printed
        });
        on_started.recv_timeout(PATIENCE)?;
        // The batch has prepared its first certificate and holds its write transaction now.
        let search = list_cases_in(
            &o.db,
            &o.session,
            &CaseFilter {
                status: Some(Status::Issued),
                ..Default::default()
            },
        );
        let batch_was_done = finished.load(Ordering::SeqCst);
        let strip = today_strip_in(&o.db, &o.session);
        let second = print_batch_in(
            &o.db,
            &o.session,
            &o.outputs,
            &o.batch,
            selection,
            &mut |_| {},
        );
        let restore =
            o.db.restore_with(|to| petromaks::safety::restore::restore_damaged(to, to, Utc::now()));
        // The batch may have stopped waiting (the failure this test is for): the asserts below say so.
        let _ = answered.send(());
        let printed = batch
            .join()
            .map_err(|_| "the batch thread panicked")??
            .ok_or("the batch was not cancelled")?;

        assert!(
            heard.load(Ordering::SeqCst) && !batch_was_done,
            "the search answered while the batch held its first certificate"
        );
        assert_eq!(search?.len(), ids.len());
        assert!(!strip?.is_empty());
        assert_eq!(code(second), "busy", "one batch at a time");
        assert_eq!(code(restore), "conflict", "no restore under a running job");
        assert_eq!(printed.count, ids.len());
        assert_eq!(o.db.jobs_running(), 0);
        Ok(())
    })
}
