//! The booking rules on their own (no database): `cargo bench --bench conflicts`. The time
//! per call should about double when the number of seminars doubles (n log n), not
//! quadruple.

use seminar::model::conflict::{Engagement, Item, SeminarFacts, SlotFacts, find_problems};
use seminar::model::{Interval, RoleKind};

const HOUR: i64 = 3600;

/// `n` three-hour seminars, 27 a day at different venues, each with five slots and ten
/// people, none of whom is anywhere else that day: as in `seminar::sample`.
fn facts(n: usize) -> (Vec<SeminarFacts>, Vec<SlotFacts>, Vec<Engagement>) {
    let mut seminars = Vec::with_capacity(n);
    let mut slots = Vec::with_capacity(5 * n);
    let mut engagements = Vec::with_capacity(10 * n);
    for i in 0..n {
        let id = i as i64 + 1;
        let (day, lane) = ((i / 27) as i64, (i % 27) as i64);
        let start = day * 24 * HOUR + 9 * HOUR;
        seminars.push(SeminarFacts {
            id,
            slug: format!("s{id}"),
            title: format!("Seminar {id}"),
            zone: seminar::model::zone::Zone::known("Asia/Jakarta"),
            windows: vec![Interval::new(start, start + 3 * HOUR)],
            venue: Some((lane, format!("Venue {lane}"))),
            cancelled: false,
        });
        for k in 0..5 {
            let from = start + k * 36 * 60;
            slots.push(SlotFacts {
                id: id * 10 + k,
                seminar_id: id,
                title: format!("Slot {k}"),
                interval: Interval::new(from, from + 36 * 60),
                room: None,
                session_id: None,
            });
        }
        for k in 0..10 {
            let person = lane * 10_000 + (day * 10 + k) % 10_000;
            engagements.push(Engagement {
                person_id: person,
                seminar_id: id,
                kind: if k == 0 {
                    RoleKind::Moderator
                } else {
                    RoleKind::Speaker
                },
                on: (k > 0).then(|| Item::Slot(id * 10 + k % 5)),
            });
        }
    }
    (seminars, slots, engagements)
}

#[divan::bench(args = [12_500, 25_000, 50_000, 100_000], sample_count = 5)]
fn find_problems_in(bencher: divan::Bencher, n: usize) {
    let (seminars, slots, engagements) = facts(n);
    bencher.bench_local(|| find_problems(&seminars, &[], &slots, &engagements));
}

fn main() {
    divan::main();
}
