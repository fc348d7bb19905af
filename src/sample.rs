//! A large, realistic, rule-abiding database for benchmarks and tests of query plans,
//! written through the store's insert queries, in one transaction.
//!
//! For N seminars over ten years (2016–2025) it writes N/5 institutions, N/50 venues (at
//! least 20), 2N people with Indonesian and English names, ten roles per seminar (a
//! moderator and nine speakers) and five slots (opening, three panels, closing). Seminars
//! on the same day use different venues and different people, so `seminar check` finds
//! nothing. The same seed gives the same data.

use chrono::{Days, NaiveDate, NaiveTime};

use crate::error::{Error, Result};
use crate::model::{
    Person, Role, RoleKind, Schedule, Seminar, Slot, SlotKind, Status, Venue, time,
};
use crate::store::Db;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct SampleSize {
    pub seminars: usize,
    pub seed: u64,
}

const FIRST_NAMES: [&str; 60] = [
    "Ahmad",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fajar",
    "Gita",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Oka",
    "Putri",
    "Rudi",
    "Sari",
    "Teguh",
    "Utami",
    "Wahyu",
    "Yuni",
    "Zainal",
    "Agus",
    "Bambang",
    "Cahya",
    "Dian",
    "Endang",
    "Fitri",
    "Gilang",
    "Hadi",
    "Intan",
    "Kurnia",
    "Lina",
    "Mega",
    "Nanda",
    "Purnama",
    "Ratna",
    "Sinta",
    "Tri",
    "Asra",
    "Dinur",
    "Valerina",
    "Mickael",
    "Alice",
    "Benjamin",
    "Charlotte",
    "David",
    "Emily",
    "Frank",
    "Grace",
    "Henry",
    "Isabel",
    "James",
    "Katherine",
    "Louis",
    "Margaret",
    "Nathan",
    "Olivia",
    "Peter",
];
const MIDDLE_NAMES: [&str; 50] = [
    "Adi", "Bayu", "Cipta", "Dwi", "Eka", "Fauzi", "Guntur", "Hari", "Ika", "Jaya", "Kusuma",
    "Laksmi", "Mulya", "Nirmala", "Okta", "Prasetya", "Rahayu", "Setia", "Tirta", "Wulan", "Yoga",
    "Zahra", "Arif", "Bintang", "Candra", "Dharma", "Elok", "Fikri", "Galih", "Harum", "Iman",
    "Jati", "Kirana", "Lintang", "Mawar", "Nugraha", "Pertiwi", "Rizki", "Surya", "Tulus", "Anne",
    "Brooke", "Claire", "Dean", "Elliot", "Faye", "Glen", "Hope", "Ivy", "Jude",
];
const LAST_NAMES: [&str; 70] = [
    "Wijaya",
    "Santoso",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Kurniawan",
    "Setiawan",
    "Gunawan",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Sitompul",
    "Pane",
    "Hutapea",
    "Tanjung",
    "Rangkuti",
    "Situmorang",
    "Wibowo",
    "Susanto",
    "Halim",
    "Tanoto",
    "Sulistyo",
    "Purnomo",
    "Wahyudi",
    "Hartono",
    "Suharto",
    "Kusumo",
    "Alatas",
    "Krismasari",
    "Virgianita",
    "Hoelman",
    "Daniel",
    "Tambunan",
    "Manurung",
    "Sinaga",
    "Pangaribuan",
    "Ginting",
    "Tarigan",
    "Sembiring",
    "Barus",
    "Lim",
    "Tan",
    "Wong",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
];
const INSTITUTION_KINDS: [&str; 25] = [
    "Universitas",
    "Institut Teknologi",
    "Politeknik",
    "Sekolah Tinggi",
    "Pusat Studi",
    "Lembaga Penelitian",
    "Dinas Pendidikan",
    "Badan Perencanaan",
    "Yayasan",
    "Perkumpulan",
    "Forum",
    "Balai Besar",
    "Akademi",
    "Kantor Wilayah",
    "Pusat Kajian",
    "University of",
    "Institute of",
    "Centre for",
    "Foundation of",
    "Council of",
    "Agency of",
    "Office of",
    "Society of",
    "Network of",
    "College of",
];
const PLACES: [&str; 100] = [
    "Jakarta",
    "Surabaya",
    "Bandung",
    "Medan",
    "Semarang",
    "Makassar",
    "Palembang",
    "Depok",
    "Tangerang",
    "Bekasi",
    "Padang",
    "Malang",
    "Denpasar",
    "Samarinda",
    "Banjarmasin",
    "Pekanbaru",
    "Pontianak",
    "Manado",
    "Mataram",
    "Kupang",
    "Jayapura",
    "Ambon",
    "Ternate",
    "Kendari",
    "Palu",
    "Gorontalo",
    "Mamuju",
    "Bengkulu",
    "Jambi",
    "Lampung",
    "Serang",
    "Cirebon",
    "Tegal",
    "Pekalongan",
    "Solo",
    "Yogyakarta",
    "Magelang",
    "Kediri",
    "Madiun",
    "Jember",
    "Banyuwangi",
    "Probolinggo",
    "Pasuruan",
    "Mojokerto",
    "Blitar",
    "Tasikmalaya",
    "Garut",
    "Sukabumi",
    "Bogor",
    "Cimahi",
    "Batam",
    "Tanjungpinang",
    "Pangkalpinang",
    "Dumai",
    "Bukittinggi",
    "Payakumbuh",
    "Sibolga",
    "Binjai",
    "Pematangsiantar",
    "Tebingtinggi",
    "Langsa",
    "Lhokseumawe",
    "Banda Aceh",
    "Sabang",
    "Singkawang",
    "Palangkaraya",
    "Tarakan",
    "Balikpapan",
    "Bontang",
    "Bitung",
    "Tomohon",
    "Kotamobagu",
    "Bau-Bau",
    "Palopo",
    "Parepare",
    "Bima",
    "Sorong",
    "Merauke",
    "Tual",
    "Tidore",
    "Salatiga",
    "Purwokerto",
    "Kudus",
    "Jepara",
    "Sumenep",
    "Tuban",
    "Lamongan",
    "Gresik",
    "Sidoarjo",
    "Batu",
    "Lumajang",
    "Bondowoso",
    "Situbondo",
    "Ngawi",
    "Ponorogo",
    "Pacitan",
    "Klaten",
    "Boyolali",
    "Sragen",
    "Wonogiri",
];
const QUALIFIERS: [&str; 8] = [
    "", " Timur", " Barat", " Utara", " Selatan", " Tengah", " Raya", " Baru",
];
const TOPICS: [&str; 24] = [
    "South-South Cooperation",
    "Triangular Cooperation",
    "Disaster Risk Reduction",
    "Renewable Energy",
    "Maritime Governance",
    "Public Health Financing",
    "Digital Government",
    "Village Development",
    "Climate Adaptation",
    "Food Security",
    "Urban Mobility",
    "Migrant Workers",
    "Kerja Sama Selatan-Selatan",
    "Ketahanan Pangan",
    "Transformasi Digital",
    "Pendidikan Inklusif",
    "Kebijakan Fiskal",
    "Energi Terbarukan",
    "Pembangunan Desa",
    "Kesehatan Masyarakat",
    "Tata Kelola Laut",
    "Perubahan Iklim",
    "Ekonomi Kreatif",
    "Diplomasi Publik",
];
const POSITIONS: [&str; 10] = [
    "Dosen",
    "Peneliti",
    "Direktur",
    "Kepala Bagian",
    "Senior Advisor",
    "Program Officer",
    "Lecturer",
    "Researcher",
    "Director",
    "Senior Representative",
];

/// A slot of every generated rundown: kind, start, minutes, and which of the seminar's ten
/// roles (0 is the moderator) are on it.
type RundownItem = (SlotKind, (u32, u32), u32, &'static [usize]);

/// A small deterministic generator (SplitMix64), so that a seed always gives the same file.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn uid(&mut self) -> String {
        let bytes = (u128::from(self.next()) << 64 | u128::from(self.next())).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }
}

/// Writes the sample into an empty database, in the caller's transaction.
pub fn generate(db: &Db<'_>, options: SampleSize) -> Result<()> {
    let n = options.seminars;
    let mut random = Random(options.seed);
    let institution_count = (n / 5).max(10);
    let venue_count = (n / 50).max(20);
    let people_count = (2 * n).max(200);

    let mut institutions = Vec::with_capacity(institution_count);
    for i in 0..institution_count {
        let kind = INSTITUTION_KINDS[i % INSTITUTION_KINDS.len()];
        let place = PLACES[(i / INSTITUTION_KINDS.len()) % PLACES.len()];
        let qualifier =
            QUALIFIERS[(i / (INSTITUTION_KINDS.len() * PLACES.len())) % QUALIFIERS.len()];
        let round = i / (INSTITUTION_KINDS.len() * PLACES.len() * QUALIFIERS.len());
        let mut name = format!("{kind} {place}{qualifier}");
        if round > 0 {
            name.push_str(&format!(" {}", round + 1));
        }
        let short = (i % 4 == 0).then(|| format!("I{i}"));
        institutions.push(db.insert_institution(&name, short.as_deref())?);
    }

    let mut venues = Vec::with_capacity(venue_count);
    for i in 0..venue_count {
        let mut venue = Venue {
            id: 0,
            name: format!(
                "{} {} {}",
                ["Auditorium", "Ruang Seminar", "Aula", "Hall", "Gedung"][i % 5],
                PLACES[(i / 5) % PLACES.len()],
                i / 5 / PLACES.len() + 1
            ),
            address: Some(format!(
                "Jalan Raya {} No. {}",
                PLACES[i % PLACES.len()],
                i + 1
            )),
            capacity: Some(50 + (i % 20) as u32 * 25),
        };
        venue.id = db.insert_venue(&venue)?;
        venues.push(venue);
    }

    let names = FIRST_NAMES.len() * MIDDLE_NAMES.len() * LAST_NAMES.len();
    let mut people = Vec::with_capacity(people_count);
    for i in 0..people_count {
        let mut name = format!(
            "{} {} {}",
            FIRST_NAMES[i % FIRST_NAMES.len()],
            MIDDLE_NAMES[(i / FIRST_NAMES.len()) % MIDDLE_NAMES.len()],
            LAST_NAMES[(i / (FIRST_NAMES.len() * MIDDLE_NAMES.len())) % LAST_NAMES.len()]
        );
        if i >= names {
            name.push_str(&format!(" {}", i / names + 1));
        }
        let institution = institutions[random.below(institutions.len())].clone();
        let mut person = Person {
            id: 0,
            uid: crate::model::new_uid(),
            email: (i % 3 == 0).then(|| format!("person{i}@example.org")),
            phone: (i % 5 == 0).then(|| format!("+62 21 {:07}", i)),
            position: Some(POSITIONS[i % POSITIONS.len()].to_string()),
            institution: Some(institution),
            name,
            titles: Default::default(),
        };
        person.id = db.insert_person(&person)?;
        people.push(person);
    }

    // Seminars spread evenly over ten years; those on the same day use different venues and
    // different people (`lane` is the seminar's place among that day's).
    let first_day = NaiveDate::from_ymd_opt(2016, 1, 1).expect("a valid date");
    let days = 3653usize;
    let lanes = n.div_ceil(days).max(1);
    let pool = people.len() / lanes;
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("a valid time");
    let rundown: [RundownItem; 5] = [
        (SlotKind::Opening, (9, 0), 15, &[0]),
        (SlotKind::Panel, (9, 15), 45, &[1, 2, 3]),
        (SlotKind::Panel, (10, 0), 45, &[4, 5, 6]),
        (SlotKind::Panel, (10, 45), 45, &[7, 8, 9]),
        (SlotKind::Closing, (11, 30), 30, &[0]),
    ];
    for i in 0..n {
        let day_index = i * days / n;
        let lane = i - (day_index * n).div_ceil(days);
        let day = first_day + Days::new(day_index as u64);
        let zone = if i % 7 == 3 {
            crate::model::zone::Zone::known("Asia/Makassar")
        } else {
            crate::model::zone::Zone::known("Asia/Jakarta")
        };
        let topic = TOPICS[random.below(TOPICS.len())];
        let title = match i % 3 {
            0 => format!("Seminar on {topic}"),
            1 => format!("Diskusi Publik: {topic}"),
            _ => format!("{topic} Forum {}", day.format("%Y")),
        };
        let schedule = Schedule::daily(zone, day, day, at(9, 0), at(12, 0));
        let status = match i % 37 {
            0 => Status::Cancelled,
            1..=4 => Status::Planned,
            _ => Status::Confirmed,
        };
        let mut seminar = Seminar {
            id: 0,
            uid: random.uid(),
            slug: format!("s{i}-{}", day.format("%Y")),
            title,
            subtitle: (i % 2 == 0).then(|| format!("{topic} in practice")),
            description: None,
            organizers: vec![institutions[i % institutions.len()].name.clone()],
            status,
            schedule,
            venue: Some(venues[(day_index * 31 + lane) % venues.len()].clone()),
        };
        seminar.id = db.insert_seminar(&seminar)?;

        let offset = (day_index * 10) % pool;
        let mut role_ids = Vec::with_capacity(10);
        for k in 0..10 {
            let person = &people[lane * pool + (offset + k) % pool];
            let kind = if k == 0 {
                RoleKind::Moderator
            } else {
                RoleKind::Speaker
            };
            let role = Role::taking_current(person, seminar.id, kind);
            role_ids.push(db.insert_role(&role)?);
        }
        for (index, (kind, (hour, minute), minutes, on)) in rundown.iter().enumerate() {
            let starts_at =
                time::local_instant(zone, day, at(*hour, *minute)).map_err(Error::Usage)?;
            let slot = Slot {
                id: 0,
                uid: random.uid(),
                seminar_id: seminar.id,
                kind: *kind,
                title: match kind {
                    SlotKind::Opening => "Opening remarks".to_string(),
                    SlotKind::Closing => "Closing".to_string(),
                    _ => format!("{topic}: panel {index}"),
                },
                starts_at,
                minutes: *minutes,
                role_ids: on.iter().map(|k| role_ids[*k]).collect(),
                room: None,
                session_id: None,
                track: None,
                details: Default::default(),
            };
            db.insert_slot(&slot)?;
        }
    }
    Ok(())
}
