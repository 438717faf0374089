//! Schema 14 (each word's start marked in SQLite's search index) upgrades a frozen register of schema 13:
//! every case is indexed once, in the new form, and each is found by its name's words, a word's start
//! ranking before the names that only contain it. The server's index keeps the plain form: there a frozen
//! register of schema 12 upgrades through 14 and its search answers the same.

use petromaks::cases::{self, CaseFilter, CaseId};
use petromaks::db::{self, Address, Db, Engine};
use petromaks::people::users;
use petromaks::{audit, text};

use crate::support;
use crate::upgrade_dashboards::{frozen_v12, gunzip};

/// The frozen register of schema 13 (SQLite) or 12 (the server), not yet opened by this program.
fn frozen() -> support::Scratch {
    if support::register::on_server() {
        return frozen_v12();
    }
    let s = support::register::empty();
    let Address::File(path) = &s.address else {
        unreachable!("an SQLite scratch register is a file")
    };
    std::fs::write(path, gunzip("register-v13.sqlite.gz")).expect("write");
    assert_eq!(db::file::header(path).expect("header").user_version, 13);
    s
}

/// What the search box lists for `q`, all of it.
fn search(db: &Db, q: &str) -> Vec<CaseId> {
    let f = CaseFilter {
        query: Some(q.into()),
        limit: Some(10_000),
        ..Default::default()
    };
    cases::list(db, &f)
        .expect("search")
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn an_older_register_s_search_index_is_written_again_and_finds_every_case() {
    let s = frozen();
    let db = Db::open(&s.address).expect("open and migrate");
    let up = db.upgrade().cloned().expect("migrated");
    assert_eq!(up.to, db::latest_version());
    let cases_n = support::count(&db, "SELECT count(*) FROM cases", &[]);
    assert!(cases_n >= 40, "{cases_n}");
    assert_eq!(
        support::count(&db, "SELECT count(*) FROM case_search", &[]),
        cases_n
    );
    if db.engine() == Engine::Sqlite {
        // Every word's first letter is held as its mark (the Private Use Area): no plain word start left.
        let plain_starts = support::count(
            &db,
            "SELECT count(*) FROM case_search WHERE name GLOB '* [a-z0-9]*'",
            &[],
        );
        assert_eq!(plain_starts, 0);
    }

    let named: Vec<(CaseId, String)> = db
        .map(
            "SELECT c.id, a.name FROM cases c JOIN applicants a ON a.id = c.applicant_id ORDER BY c.id",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("names");
    for (id, name) in &named {
        for word in text::search_words(name).iter().filter(|w| w.len() >= 3) {
            let found = search(&db, word);
            assert!(found.contains(id), "{word:?} finds {name:?}");
            // Names with a word starting so come first; then the ones that have it inside a word.
            let starts = |c: &CaseId| {
                let n = &named.iter().find(|(i, _)| i == c).expect("listed").1;
                text::search_key(n).contains(&format!(" {word}"))
            };
            let first_inside = found.iter().position(|c| !starts(c)).unwrap_or(found.len());
            assert!(
                found[first_inside..].iter().all(|c| !starts(c)),
                "{word:?}: {found:?}"
            );
            let mut unique = found.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), found.len(), "{word:?} lists a case twice");
        }
    }

    let admin = users::actor(&db, "admin").expect("admin");
    let v = audit::verify(&db, &admin, &[]).expect("verify");
    assert!(v.ok, "{v:?}");
}
