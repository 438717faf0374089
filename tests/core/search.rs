//! The search box finds what a clerk types (issue 14): part of a name anywhere in it, accents and case
//! ignored; a NIK or its first digits; a registration, permit or van receipt number; nothing for a miss.
//! Numbers come first, then names with the typed words at the start of a word, then the rest; and a
//! registration, a rename and a withdrawal show in the very next search, on both engines.

use petromaks::cases::{self, CaseFilter, CaseId, Status};
use petromaks::people::applicants;

use crate::support::{self, sipd, Office1};

/// What the search answers for `q`, as case ids in their ranking.
fn search(o: &Office1, q: &str) -> Vec<CaseId> {
    let f = CaseFilter {
        query: Some(q.into()),
        ..Default::default()
    };
    let found: Vec<CaseId> = cases::list(&o.db, &f)
        .expect("search")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(
        cases::count(&o.db, &f).expect("count"),
        found.len() as u64,
        "the count of {q:?} agrees with its list"
    );
    found
}

struct People {
    siti: CaseId,
    agus: CaseId,
    asrini: CaseId,
    sri: CaseId,
    dewi: CaseId,
}

fn register_people(o: &mut Office1) -> People {
    People {
        siti: o.register(&sipd("1607014508900001", "Siti Nurhaliza Ségara")),
        agus: o.register(&sipd("1607011203850002", "Agus Sriyono")),
        asrini: o.register(&sipd("1607015507920003", "Asrini Putri")),
        sri: o.register(&sipd("1607016001880004", "Sri Wahyuni")),
        dewi: o.register(&sipd("1607024102950005", "Dewi Lestari")),
    }
}

#[test]
fn the_search_finds_names_niks_and_numbers() {
    let mut o = support::office();
    let p = register_people(&mut o);

    // A fragment in the middle of a name, in any case.
    assert_eq!(search(&o, "haliz"), vec![p.siti]);
    assert_eq!(search(&o, "NURHAL"), vec![p.siti]);
    // An accented name typed without its accent, and with it.
    assert_eq!(search(&o, "segara"), vec![p.siti]);
    assert_eq!(search(&o, "Ségara"), vec![p.siti]);
    // Several words, in any order, each anywhere.
    assert_eq!(search(&o, "putri asr"), vec![p.asrini]);
    // Word starts first (newest first among them), then the names that contain the text inside a word.
    assert_eq!(search(&o, "sri"), vec![p.sri, p.agus, p.asrini]);
    // Two letters find the start of a word.
    assert_eq!(search(&o, "de"), vec![p.dewi]);

    // A NIK, or its first digits, in NIK order.
    assert_eq!(search(&o, "1607014508900001"), vec![p.siti]);
    assert_eq!(search(&o, "1607 01"), vec![p.agus, p.siti, p.asrini, p.sri]);
    assert_eq!(search(&o, "160702"), vec![p.dewi]);

    // Each kind of number, exactly, however it is typed.
    let reg = cases::get(&o.db, p.dewi).expect("case").registration_number;
    assert_eq!(search(&o, &reg), vec![p.dewi]);
    assert_eq!(search(&o, &reg.to_lowercase()), vec![p.dewi]);
    o.issue(p.agus);
    let permit = cases::get(&o.db, p.agus)
        .expect("case")
        .permit_number
        .expect("issued");
    assert_eq!(search(&o, &permit), vec![p.agus]);
    // A case registered in the van keeps the van's receipt number (set by the check-in).
    o.db.write(|tx| {
        tx.execute(
            "UPDATE cases SET van_number = 'VAN1-2026-0007' WHERE id = ?1",
            &[&p.asrini],
        )
    })
    .expect("van number");
    assert_eq!(search(&o, "van1-2026-0007"), vec![p.asrini]);
    assert_eq!(
        cases::find_by_number(&o.db, "VAN1-2026-0007").expect("find"),
        Some(p.asrini)
    );

    // Nothing for a miss.
    for miss in [
        "tidak ada",
        "zzz",
        "REG-2031-999999",
        "9999999999999999",
        "x",
    ] {
        assert_eq!(search(&o, miss), Vec::<CaseId>::new(), "{miss}");
    }
}

#[test]
fn pages_of_a_search_go_on_where_the_last_ended() {
    let mut o = support::office();
    let p = register_people(&mut o);
    for (q, want) in [
        ("sri", vec![p.sri, p.agus, p.asrini]),
        ("160701", vec![p.agus, p.siti, p.asrini, p.sri]),
    ] {
        let mut seen = Vec::new();
        let mut before = None;
        loop {
            let page = cases::list(
                &o.db,
                &CaseFilter {
                    query: Some(q.into()),
                    limit: Some(1),
                    before,
                    ..Default::default()
                },
            )
            .expect("page");
            let Some(last) = page.last() else { break };
            before = Some(last.id);
            seen.push(last.id);
            assert!(seen.len() <= want.len(), "{q}: {seen:?}");
        }
        assert_eq!(seen, want, "{q}");
    }
}

#[test]
fn a_registration_a_rename_and_a_withdrawal_show_in_the_next_search() {
    let mut o = support::office();
    let p = register_people(&mut o);
    assert_eq!(search(&o, "kartika"), Vec::<CaseId>::new());

    let new = o.register(&sipd("1607014706930006", "Kartika Sari Dewi"));
    assert_eq!(search(&o, "kartika"), vec![new]);
    assert_eq!(search(&o, "dewi"), vec![new, p.dewi]);

    // A rename: the person's cases are found under the new name, never the old one.
    let siti = cases::get(&o.db, p.siti).expect("case").applicant_id;
    let mut input = support::applicant("1607014508900001", "Siti Rahmawati Ségara");
    input.village_code = Some("16.07.01.2001".into());
    let admin = o.admin.clone();
    applicants::update(&mut o.db, &admin, support::monday(), siti, &input).expect("rename");
    assert_eq!(search(&o, "nurhaliza"), Vec::<CaseId>::new());
    assert_eq!(search(&o, "rahmawati"), vec![p.siti]);
    assert_eq!(search(&o, "segara"), vec![p.siti]);

    // A withdrawal: the next search shows the case withdrawn, and a search among withdrawn cases finds it.
    let clerk = o.clerk.clone();
    o.step(&clerk, new, Status::Withdrawn, Some("Pemohon membatalkan"))
        .expect("withdraw");
    let found = cases::list(
        &o.db,
        &CaseFilter {
            query: Some("kartika".into()),
            ..Default::default()
        },
    )
    .expect("search");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, Status::Withdrawn);
    let withdrawn = CaseFilter {
        query: Some("dewi".into()),
        status: Some(Status::Withdrawn),
        ..Default::default()
    };
    let ids: Vec<CaseId> = cases::list(&o.db, &withdrawn)
        .expect("search")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, vec![new]);
    assert_eq!(cases::count(&o.db, &withdrawn).expect("count"), 1);
}

#[test]
fn a_word_start_ranks_first_and_a_name_is_listed_once() {
    let mut o = support::office();
    let both = o.register(&sipd("1607014508900011", "Surata Rata"));
    let start = o.register(&sipd("1607011203850012", "Ratapan Hidayat"));
    let inside = o.register(&sipd("1607015507920013", "Marata Putri"));
    // "rata" starts a word of two names (newest first) and sits inside a word of the third; the name
    // that has it both ways is a word start only.
    assert_eq!(search(&o, "rata"), vec![start, both, inside]);
    assert_eq!(search(&o, "RATA putri"), vec![inside]);
    assert_eq!(search(&o, "ura"), vec![both]);
    // Two letters look at a word's start only.
    assert_eq!(search(&o, "ra"), vec![start, both]);
    // Across words: the end of one and the start of the next.
    assert_eq!(search(&o, "ta ra"), vec![both]);
    assert_eq!(search(&o, "pan hid"), vec![start]);
    assert_eq!(search(&o, "an hi"), vec![start]);
}
