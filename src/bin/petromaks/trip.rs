//! `petromaks trip …`: plan a van trip, assign permits, print its papers, record each stop's outcome, close it.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use petromaks::van::dashboards;
use petromaks::van::{self, FailReason, NewTrip, Outcome, Recipient, TripId};
use petromaks::{time, Error, Result};

use crate::casework::resolve;
use crate::Ctx;

#[derive(Subcommand)]
pub enum TripCmd {
    /// Plan a trip (clerk or admin).
    Create {
        /// Day of the trip, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        #[arg(long)]
        vehicle: String,
        /// Courier usernames, comma-separated.
        #[arg(long, value_delimiter = ',')]
        crew: Vec<String>,
        /// Village codes in visiting order, comma-separated.
        #[arg(long, value_delimiter = ',')]
        villages: Vec<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Assign issued permits to a trip: by case (id, registration or permit number) or by village.
    Add {
        trip: i64,
        cases: Vec<String>,
        /// Every issued permit in the pool whose holder lives in this village (a stop of the trip).
        #[arg(long)]
        village: Option<String>,
    },
    /// Take a permit off a planned trip.
    Remove { trip: i64, case: String },
    /// The van leaves: its permits go out for delivery.
    Start { trip: i64 },
    /// Print the manifest (or, with --handover, the handover record) to a PDF file.
    Manifest {
        trip: i64,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        handover: bool,
    },
    /// Record what happened to a permit at a stop.
    Record(RecordArgs),
    /// The van is back: unrecorded permits return to the pool.
    Close { trip: i64 },
    /// Trips between two days (default: this week).
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// The trips screen's months: the last month and the coming three around the office's day.
        #[arg(long, conflicts_with_all = ["from", "to"])]
        around: bool,
    },
    /// A trip's stops and permits with their outcomes.
    Show { trip: i64 },
    /// Villages by demand: permits waiting and open pick-up requests.
    Suggest,
    /// Issued permits waiting for a trip, oldest first.
    Pool {
        #[arg(long)]
        village: Option<String>,
    },
    /// Record the paper originals of a van application put into a sealed bag (courier of the crew).
    Intake {
        trip: i64,
        case: String,
        /// The number on the bag's seal.
        #[arg(long)]
        bag: String,
        /// Checklist positions of the originals taken, comma-separated.
        #[arg(long, value_delimiter = ',')]
        originals: Vec<u32>,
    },
    /// The sealed bags of a trip: what is in each and whether the front office has received it.
    Bags { trip: i64 },
    /// The front office receives a sealed bag from the crew (clerk).
    Receive {
        trip: i64,
        #[arg(long)]
        bag: String,
        /// What did not match (broken seal, missing original); omit when all matched.
        #[arg(long)]
        discrepancy: Option<String>,
    },
}

#[derive(Args)]
pub struct RecordArgs {
    trip: i64,
    case: String,
    /// holder, proxy, not_home, address_not_found or refused.
    #[arg(long)]
    outcome: String,
    /// The recipient's NIK (holder or proxy).
    #[arg(long)]
    nik: Option<String>,
    /// The proxy's name.
    #[arg(long)]
    name: Option<String>,
    /// The proxy's relation to the holder.
    #[arg(long)]
    relation: Option<String>,
    /// The number of the letter of authority (surat kuasa).
    #[arg(long)]
    letter: Option<String>,
    #[arg(long)]
    note: Option<String>,
}

fn need(v: Option<String>, field: &'static str, what: &str) -> Result<String> {
    v.ok_or_else(|| Error::invalid(field, format!("{what} is needed for this outcome")))
}

impl RecordArgs {
    fn outcome(self) -> Result<Outcome> {
        Ok(match self.outcome.trim() {
            "holder" => Outcome::Delivered {
                recipient: Recipient::Holder {
                    nik: need(self.nik, "nik", "--nik")?,
                },
            },
            "proxy" => Outcome::Delivered {
                recipient: Recipient::Proxy {
                    name: need(self.name, "recipient_name", "--name")?,
                    nik: need(self.nik, "recipient_nik", "--nik")?,
                    relation: need(self.relation, "relation", "--relation")?,
                    authority_letter: need(self.letter, "authority_letter", "--letter")?,
                },
            },
            other => Outcome::NotDelivered {
                reason: other.parse::<FailReason>()?,
                note: self.note,
            },
        })
    }
}

pub fn trip(ctx: &Ctx, c: TripCmd) -> Result<()> {
    let mut db = ctx.open()?;
    match c {
        TripCmd::Create {
            date,
            vehicle,
            crew,
            villages,
            note,
        } => {
            let actor = ctx.actor(&db)?;
            let id = van::create_trip(
                &mut db,
                &actor,
                ctx.now,
                &NewTrip {
                    date,
                    vehicle,
                    crew,
                    villages,
                    note,
                },
            )?;
            ctx.out.show(&serde_json::json!({ "trip": id }), || {
                format!("planned trip {}", id.0)
            });
        }
        TripCmd::Add {
            trip,
            cases,
            village,
        } => {
            let actor = ctx.actor(&db)?;
            let mut ids = cases
                .iter()
                .map(|k| resolve(&db, k))
                .collect::<Result<Vec<_>>>()?;
            if ids.is_empty() && village.is_none() {
                return Err(Error::invalid(
                    "cases",
                    "name the cases to add, or --village CODE",
                ));
            }
            van::assign(&mut db, &actor, ctx.now, TripId(trip), &ids)?;
            if let Some(v) = village {
                ids.extend(van::assign_village(
                    &mut db,
                    &actor,
                    ctx.now,
                    TripId(trip),
                    &v,
                )?);
            }
            ctx.out
                .show(&serde_json::json!({ "trip": trip, "added": ids }), || {
                    format!("added {} permit(s) to trip {trip}", ids.len())
                });
        }
        TripCmd::Remove { trip, case } => {
            let actor = ctx.actor(&db)?;
            let id = resolve(&db, &case)?;
            van::unassign(&mut db, &actor, ctx.now, TripId(trip), id)?;
            ctx.out
                .show(&serde_json::json!({ "trip": trip, "removed": id }), || {
                    format!("took case {} off trip {trip}", id.0)
                });
        }
        TripCmd::Start { trip } => {
            let actor = ctx.actor(&db)?;
            van::start_trip(&mut db, &actor, ctx.now, TripId(trip))?;
            ctx.out.show(
                &serde_json::json!({ "trip": trip, "status": "out" }),
                || format!("trip {trip} is out"),
            );
        }
        TripCmd::Close { trip } => {
            let actor = ctx.actor(&db)?;
            van::close_trip(&mut db, &actor, ctx.now, TripId(trip))?;
            ctx.out.show(
                &serde_json::json!({ "trip": trip, "status": "closed" }),
                || format!("trip {trip} is closed"),
            );
        }
        TripCmd::Record(a) => {
            let actor = ctx.actor(&db)?;
            let (trip, case) = (TripId(a.trip), resolve(&db, &a.case)?);
            let status = van::record_outcome(&mut db, &actor, ctx.now, trip, case, &a.outcome()?)?;
            ctx.out.show(
                &serde_json::json!({ "case": case, "status": status }),
                || format!("case {} is now {status}", case.0),
            );
        }
        TripCmd::Manifest {
            trip,
            out,
            handover,
        } => {
            let bytes = if handover {
                van::handover_record(&db, TripId(trip), ctx.now)?
            } else {
                van::manifest(&db, TripId(trip), ctx.now)?
            };
            // A manifest names every recipient and address on the trip.
            petromaks::private::write(&out, &bytes)?;
            ctx.out.show(
                &serde_json::json!({ "out": out, "bytes": bytes.len() }),
                || format!("wrote {} ({} bytes)", out.display(), bytes.len()),
            );
        }
        TripCmd::List { from, to, around } => {
            let trips = match (from, to) {
                _ if around => van::screens::trips_around(&db, ctx.now)?.trips,
                (Some(f), Some(t)) => van::list_trips(
                    &db,
                    time::parse_day("from", &f)?,
                    time::parse_day("to", &t)?,
                )?,
                (None, None) => dashboards::trips_of_week(&db, ctx.now)?,
                _ => {
                    return Err(Error::invalid(
                        "from",
                        "give both --from and --to, or neither for this week",
                    ))
                }
            };
            ctx.out.show(&trips, || {
                trips
                    .iter()
                    .map(|t| {
                        format!(
                            "{:>4}  {}  {:<8} {:<12} {} stops, {} permits  crew {}",
                            t.id.0,
                            t.date,
                            t.status,
                            t.vehicle,
                            t.stops,
                            t.permits,
                            t.crew.join(",")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        TripCmd::Show { trip } => {
            let d = van::detail(&db, TripId(trip))?;
            ctx.out.show(&d, || {
                let mut s = format!(
                    "trip {} on {} ({}), {}, crew {}\n",
                    d.trip.id.0,
                    d.trip.date,
                    d.trip.status,
                    d.trip.vehicle,
                    d.crew_names.join(", ")
                );
                for stop in &d.stops {
                    s += &format!(
                        "{}. {} ({})\n",
                        stop.position, stop.village, stop.village_code
                    );
                    for p in &stop.permits {
                        let outcome = match (&p.outcome, p.fail_reason) {
                            (_, Some(r)) => r.to_string(),
                            (Some(o), None) => o.to_string(),
                            (None, None) => "pending".into(),
                        };
                        s += &format!(
                            "   {:<32} {:<28} {outcome}\n",
                            p.permit_number.as_deref().unwrap_or("-"),
                            p.holder
                        );
                    }
                }
                s
            });
        }
        TripCmd::Intake {
            trip,
            case,
            bag,
            originals,
        } => {
            let actor = ctx.actor(&db)?;
            let case_id = resolve(&db, &case)?;
            let f = van::FieldIntake {
                case_id,
                bag_seal: bag,
                originals,
            };
            van::record_field_intake(&mut db, &actor, ctx.now, TripId(trip), &f)?;
            ctx.out.show(
                &serde_json::json!({ "case": case_id, "bag": f.bag_seal }),
                || format!("originals of case {} are in bag {}", case_id.0, f.bag_seal),
            );
        }
        TripCmd::Bags { trip } => {
            let bags = van::bags(&db, TripId(trip))?;
            ctx.out.show(&bags, || {
                let mut s = String::new();
                for b in &bags {
                    let state = match (&b.handed_over_at, &b.discrepancy) {
                        (None, _) => "with the crew".to_string(),
                        (Some(at), None) => format!("received {at}"),
                        (Some(at), Some(d)) => format!("received {at}, discrepancy: {d}"),
                    };
                    s += &format!("{}  ({state})\n", b.bag_seal);
                    for c in &b.cases {
                        s += &format!(
                            "   {:<20} {:<28} {}\n",
                            c.registration_number,
                            c.applicant,
                            c.originals.join("; ")
                        );
                    }
                }
                s
            });
        }
        TripCmd::Receive {
            trip,
            bag,
            discrepancy,
        } => {
            let actor = ctx.actor(&db)?;
            let h = van::Handover {
                bag_seal: bag,
                discrepancy,
            };
            let ids = van::hand_over_bag(&mut db, &actor, ctx.now, TripId(trip), &h)?;
            ctx.out.show(
                &serde_json::json!({ "bag": h.bag_seal, "cases": ids }),
                || format!("received bag {} with {} case(s)", h.bag_seal, ids.len()),
            );
        }
        TripCmd::Pool { village } => {
            let list = van::pool(&db, village.as_deref())?;
            ctx.out.show(&list, || {
                list.iter()
                    .map(|w| {
                        format!(
                            "{:>5}  {:<34} {:<26} {:<20} issued {}{}",
                            w.case_id.0,
                            w.permit_number.as_deref().unwrap_or("-"),
                            w.holder,
                            w.village.as_deref().unwrap_or("-"),
                            w.issued_on
                                .map(|d| d.to_string())
                                .unwrap_or_else(|| "-".into()),
                            if w.attempts > 0 {
                                format!(", {} failed attempt(s)", w.attempts)
                            } else {
                                String::new()
                            }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        TripCmd::Suggest => {
            let v = van::suggest_villages(&db, ctx.now)?;
            ctx.out.show(&v, || {
                v.iter()
                    .map(|d| {
                        format!(
                            "{}  {:<24} {} waiting, {} requests, oldest {} days",
                            d.village_code, d.village, d.undelivered, d.open_pickups, d.oldest_days
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}
