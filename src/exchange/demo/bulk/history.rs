//! The bulk demo's history of one case: its sealed audit rows, its trip and handover, its survey, in the
//! order they happened (split from [`super`] to keep each file readable).

use super::*;

/// The actor who takes a step.
fn actor_for<'a>(s: &'a Setting, to: Status) -> &'a Actor {
    let who = match to {
        Status::Verified | Status::InReview | Status::Returned => "kasi",
        Status::Approved | Status::Rejected | Status::Issued => "kadis",
        Status::OutForDelivery | Status::Delivered => "keliling1",
        _ => "loket1",
    };
    &s.staff[who]
}

/// The reason a step records, where the real step asks for one.
pub(super) fn reason_for(to: Status) -> Option<&'static str> {
    match to {
        Status::Returned => Some("Fotokopi STR belum dilegalisir"),
        Status::Rejected => Some("Lokasi tidak sesuai tata ruang"),
        Status::Withdrawn => Some("Pemohon membatalkan permohonan"),
        _ => None,
    }
}

/// The case's audit rows, handover and survey, in the order they happened.
#[allow(clippy::too_many_arguments)]
pub(super) fn history(
    tx: &Tx,
    s: &Setting,
    st: &mut State,
    seal: &mut Sealer,
    id: CaseId,
    p: &Person,
    reg: &str,
    code: &str,
    channel: Channel,
    registered: DateTime<Utc>,
    life: &Life,
    due: Option<NaiveDate>,
    permit: Option<&str>,
) -> Result<()> {
    let registrar = if channel == Channel::Van {
        &s.staff["keliling1"]
    } else {
        &s.staff["loket1"]
    };
    let event = |seal: &mut Sealer,
                 who: &Actor,
                 at: DateTime<Utc>,
                 action: &str,
                 from: Option<Status>,
                 to: Option<Status>,
                 detail: Option<&str>| {
        let values = case_event_values(
            seal.next_id(),
            id,
            at,
            who.id,
            action,
            from,
            to,
            to.and_then(reason_for),
            detail,
        );
        seal.append(tx, values)
    };
    let detail = format!("{reg} {code} {channel}");
    event(
        seal,
        registrar,
        registered,
        "registered",
        None,
        Some(Status::Received),
        Some(&detail),
    )?;
    let mut from = Status::Received;
    let holder = format!("to the holder {}", p.name);
    for step in &life.steps {
        let who = actor_for(s, step.to);
        let detail = match step.to {
            Status::Verified => due.map(|d| format!("due {d}")),
            Status::Issued => permit.map(str::to_string),
            _ => None,
        };
        if step.to == Status::OutForDelivery {
            let trip = trip_for(tx, s, st, p, step.at)?;
            let detail = format!("trip {trip}");
            event(
                seal,
                &s.staff["loket1"],
                step.at,
                "trip_assigned",
                None,
                None,
                Some(&detail),
            )?;
            deliveries::insert_settled(
                tx,
                &SettledDelivery {
                    case: id,
                    trip: Some(trip),
                    village: Some(&p.village),
                    assigned_at: step.at,
                    assigned_by: s.staff["loket1"].id,
                    handed: life.reached(Status::Delivered).map(|at| {
                        (
                            Handed {
                                outcome: DeliveryOutcome::Holder,
                                name: &p.name,
                                nik: &p.nik,
                                relation: None,
                                letter: None,
                            },
                            s.staff["keliling1"].id,
                            at,
                        )
                    }),
                },
            )?;
        }
        if step.to == Status::PickedUp {
            deliveries::insert_settled(
                tx,
                &SettledDelivery {
                    case: id,
                    trip: None,
                    village: None,
                    assigned_at: step.at,
                    assigned_by: who.id,
                    handed: Some((
                        Handed {
                            outcome: DeliveryOutcome::Holder,
                            name: &p.name,
                            nik: &p.nik,
                            relation: None,
                            letter: None,
                        },
                        who.id,
                        step.at,
                    )),
                },
            )?;
        }
        event(
            seal,
            who,
            step.at,
            "status",
            Some(from),
            Some(step.to),
            detail.as_deref(),
        )?;
        if matches!(step.to, Status::Delivered | Status::PickedUp) {
            event(seal, who, step.at, "handed_over", None, None, Some(&holder))?;
            // About one holder in three answers the satisfaction survey.
            if st.rng.below(3) == 0 {
                let mut a = [0u8; 9];
                for x in a.iter_mut() {
                    *x = 2 + st.rng.below(3).min(2) as u8;
                }
                store::surveys::insert(tx, id, time::local_day(step.at, s.offset), &a, who.id)?;
                event(seal, who, step.at, "survey", None, None, None)?;
            }
        }
        from = step.to;
    }
    Ok(())
}

/// The trip a permit goes out on: one per district and day (out today, closed before), its stops growing
/// with the villages it serves.
fn trip_for(tx: &Tx, s: &Setting, st: &mut State, p: &Person, at: DateTime<Utc>) -> Result<TripId> {
    let day = time::local_day(at, s.offset);
    let district = p
        .village
        .rsplit_once('.')
        .map(|x| x.0)
        .unwrap_or("")
        .to_string();
    let key = (day, district.clone());
    if !st.trips.contains_key(&key) {
        let courier = &s.staff["keliling1"];
        let vehicle = format!(
            "Mobil Petromaks {}",
            district.rsplit('.').next().unwrap_or("1")
        );
        let id = trips::insert(
            tx,
            &NewTripRow {
                date: day,
                vehicle: &vehicle,
                note: None,
                crew: &[courier.id],
                villages: &[],
            },
            s.staff["loket1"].id,
            at,
        )?;
        trips::set_out(tx, id, at)?;
        if day < s.today {
            let evening = at + Duration::hours(8);
            trips::set_closed(tx, id, evening)?;
        }
        st.trips.insert(
            key.clone(),
            DemoTrip {
                id,
                stops: Vec::new(),
            },
        );
    }
    let trip = st
        .trips
        .get_mut(&key)
        .ok_or_else(|| Error::Db("demo trip".into()))?;
    if !trip.stops.contains(&p.village) {
        trip.stops.push(p.village.clone());
        trips::add_stop(tx, trip.id, trip.stops.len() as u32, &p.village)?;
    }
    Ok(trip.id)
}
