//! Two processes registering and issuing in the same register (one file, or one server database) never
//! share a number and never fail "locked".

use std::collections::HashSet;
use std::thread;

use crate::support::{self, cli};

#[test]
fn two_processes_never_share_a_number() {
    let o = support::office();
    let db = o.db_arg();
    let per_process = 12;
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let db = db.clone();
            thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..per_process {
                    let nik = format!("160701450890{:02}{:02}", w + 1, i + 1);
                    let mut steps: Vec<Vec<String>> = vec![vec![
                        "--as",
                        "rina",
                        "--json",
                        "case",
                        "register",
                        "--nik",
                        &nik,
                        "--name",
                        "Pemohon Uji",
                        "--birth-place",
                        "Palembang",
                        "--address",
                        "Jl. Uji",
                        "--type",
                        "SKP",
                        "--received",
                        "all",
                        "--field",
                        "judul=Uji",
                        "--field",
                        "instansi=Unsri",
                        "--field",
                        "lokasi=Betung",
                        "--field",
                        "waktu=1 bulan",
                    ]
                    .into_iter()
                    .map(String::from)
                    .collect()];
                    for (who, to) in [
                        ("hendra", "verified"),
                        ("kadis", "approved"),
                        ("kadis", "issued"),
                    ] {
                        steps.push(vec![
                            "--as".into(),
                            who.into(),
                            "case".into(),
                            "move".into(),
                            String::new(),
                            "--to".into(),
                            to.into(),
                        ]);
                    }
                    let mut reg = String::new();
                    for mut args in steps {
                        if let Some(slot) = args.iter_mut().find(|a| a.is_empty()) {
                            *slot = reg.clone();
                        }
                        let out = cli(&db).args(&args).output().expect("run");
                        if !out.status.success() {
                            failures.push(String::from_utf8_lossy(&out.stderr).to_string());
                            break;
                        }
                        if reg.is_empty() {
                            let v: serde_json::Value =
                                serde_json::from_slice(&out.stdout).expect("json");
                            reg = v["case"]["registration_number"]
                                .as_str()
                                .expect("reg")
                                .to_string();
                        }
                    }
                }
                failures
            })
        })
        .collect();
    for w in workers {
        let failures = w.join().expect("worker");
        assert!(failures.is_empty(), "{failures:?}");
    }
    let regs: Vec<String> =
        o.db.map("SELECT registration_number FROM cases", &[], |r| r.get(0))
            .expect("rows");
    let permits: Vec<String> =
        o.db.map(
            "SELECT permit_number FROM cases WHERE permit_number IS NOT NULL",
            &[],
            |r| r.get(0),
        )
        .expect("rows");
    assert_eq!(regs.len(), 2 * per_process);
    assert_eq!(permits.len(), 2 * per_process);
    assert_eq!(
        regs.iter().collect::<HashSet<_>>().len(),
        regs.len(),
        "duplicate registration numbers"
    );
    assert_eq!(
        permits.iter().collect::<HashSet<_>>().len(),
        permits.len(),
        "duplicate permit numbers"
    );
    let mut seqs: Vec<u32> = permits
        .iter()
        .map(|p| p.split('/').nth(1).expect("seq").parse().expect("n"))
        .collect();
    seqs.sort_unstable();
    assert_eq!(
        seqs,
        (1..=2 * per_process as u32).collect::<Vec<_>>(),
        "permit numbers have a gap"
    );
}
