//! Words of the interface in English and Indonesian.

use crate::model::{SessionKind, SlotKind, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    #[value(name = "en")]
    En,
    #[value(name = "id")]
    Id,
}

pub struct Labels {
    pub date: &'static str,
    pub time: &'static str,
    pub venue: &'static str,
    pub organizers: &'static str,
    pub moderator: &'static str,
    pub moderators: &'static str,
    pub speaker: &'static str,
    pub speakers: &'static str,
    pub keynote: &'static str,
    pub mc: &'static str,
    pub session: &'static str,
    pub status: &'static str,
    pub about: &'static str,
    pub name: &'static str,
    pub position: &'static str,
    pub institution: &'static str,
    pub short_name: &'static str,
    pub aliases: &'static str,
    pub formal_name: &'static str,
    pub seminar: &'static str,
    pub seminars: &'static str,
    pub title: &'static str,
    pub minutes: &'static str,
    pub kind: &'static str,
    pub people: &'static str,
    pub address: &'static str,
    pub capacity: &'static str,
    pub talk: &'static str,
    pub role: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub roles_held: &'static str,
    pub rundown: &'static str,
    pub no_rundown: &'static str,
    pub no_upcoming: &'static str,
    pub nothing_found: &'static str,
    pub no_problems: &'static str,
    pub problems_found: &'static str,
    pub now_at: &'static str,
    pub theme: &'static str,
    pub zone: &'static str,
    pub room: &'static str,
    pub chairs: &'static str,
    pub track: &'static str,
    pub sessions: &'static str,
    pub slots: &'static str,
    pub no_sessions: &'static str,
    pub day: &'static str,
}

const EN: Labels = Labels {
    date: "Date",
    time: "Time",
    venue: "Venue",
    organizers: "Organizers",
    moderator: "Moderator",
    moderators: "Moderators",
    speaker: "Speaker",
    speakers: "Speakers",
    keynote: "Keynote",
    mc: "MC",
    session: "Session",
    status: "Status",
    about: "About",
    name: "Name",
    position: "Position",
    institution: "Institution",
    short_name: "Short name",
    aliases: "Aliases",
    formal_name: "With titles",
    seminar: "Seminar",
    seminars: "Seminars",
    title: "Title",
    minutes: "Minutes",
    kind: "Kind",
    people: "People",
    address: "Address",
    capacity: "Capacity",
    talk: "Talk",
    role: "Role",
    email: "Email",
    phone: "Phone",
    roles_held: "Seminars",
    rundown: "Rundown",
    no_rundown: "No rundown yet.",
    no_upcoming: "No coming seminars.",
    nothing_found: "Nothing found.",
    no_problems: "No problems found.",
    problems_found: "problem(s) found",
    now_at: "Now",
    theme: "Theme",
    zone: "Time zone",
    room: "Room",
    chairs: "Chair",
    track: "Track",
    sessions: "Sessions",
    slots: "Slots",
    no_sessions: "No sessions yet.",
    day: "Day",
};

const ID: Labels = Labels {
    date: "Tanggal",
    time: "Waktu",
    venue: "Tempat",
    organizers: "Penyelenggara",
    moderator: "Moderator",
    moderators: "Moderator",
    speaker: "Pembicara",
    speakers: "Pembicara",
    keynote: "Pembicara kunci",
    mc: "Pembawa acara",
    session: "Sesi",
    status: "Status",
    about: "Deskripsi",
    name: "Nama",
    position: "Jabatan",
    institution: "Institusi",
    short_name: "Singkatan",
    aliases: "Nama lain",
    formal_name: "Dengan gelar",
    seminar: "Seminar",
    seminars: "Seminar",
    title: "Judul",
    minutes: "Menit",
    kind: "Jenis",
    people: "Pengisi",
    address: "Alamat",
    capacity: "Kapasitas",
    talk: "Materi",
    role: "Peran",
    email: "Email",
    phone: "Telepon",
    roles_held: "Seminar",
    rundown: "Susunan acara",
    no_rundown: "Susunan acara belum ada.",
    no_upcoming: "Tidak ada seminar mendatang.",
    nothing_found: "Tidak ada yang ditemukan.",
    no_problems: "Tidak ada masalah.",
    problems_found: "masalah ditemukan",
    now_at: "Kini",
    theme: "Tema",
    zone: "Zona waktu",
    room: "Ruang",
    chairs: "Moderator",
    track: "Jalur",
    sessions: "Sesi",
    slots: "Slot",
    no_sessions: "Belum ada sesi.",
    day: "Hari",
};

impl Lang {
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &EN,
            Lang::Id => &ID,
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match (self, status) {
            (Lang::En, Status::Planned) => "planned",
            (Lang::En, Status::Confirmed) => "confirmed",
            (Lang::En, Status::Cancelled) => "CANCELLED",
            (Lang::Id, Status::Planned) => "direncanakan",
            (Lang::Id, Status::Confirmed) => "terkonfirmasi",
            (Lang::Id, Status::Cancelled) => "DIBATALKAN",
        }
    }

    pub fn slot_kind(self, kind: SlotKind) -> &'static str {
        match (self, kind) {
            (Lang::En, SlotKind::Opening) => "Opening",
            (Lang::En, SlotKind::Talk) => "Talk",
            (Lang::En, SlotKind::Panel) => "Panel",
            (Lang::En, SlotKind::Qa) => "Q&A",
            (Lang::En, SlotKind::Break) => "Break",
            (Lang::En, SlotKind::Closing) => "Closing",
            (Lang::Id, SlotKind::Opening) => "Pembukaan",
            (Lang::Id, SlotKind::Talk) => "Materi",
            (Lang::Id, SlotKind::Panel) => "Diskusi panel",
            (Lang::Id, SlotKind::Qa) => "Tanya jawab",
            (Lang::Id, SlotKind::Break) => "Rehat",
            (Lang::Id, SlotKind::Closing) => "Penutupan",
        }
    }

    pub fn session_kind(self, kind: SessionKind) -> &'static str {
        match (self, kind) {
            (Lang::En, SessionKind::Plenary) => "Plenary",
            (Lang::En, SessionKind::Parallel) => "Parallel",
            (Lang::En, SessionKind::Workshop) => "Workshop",
            (Lang::En, SessionKind::Poster) => "Poster",
            (Lang::En, SessionKind::Other) => "Other",
            (Lang::Id, SessionKind::Plenary) => "Pleno",
            (Lang::Id, SessionKind::Parallel) => "Paralel",
            (Lang::Id, SessionKind::Workshop) => "Lokakarya",
            (Lang::Id, SessionKind::Poster) => "Poster",
            (Lang::Id, SessionKind::Other) => "Lainnya",
        }
    }

    pub fn role(self, kind: crate::model::RoleKind) -> &'static str {
        match kind {
            crate::model::RoleKind::Speaker => self.labels().speaker,
            crate::model::RoleKind::Moderator => self.labels().moderator,
            crate::model::RoleKind::Keynote => self.labels().keynote,
            crate::model::RoleKind::Mc => self.labels().mc,
        }
    }

    /// The name of a day of the week (`Thursday`, `Kamis`).
    pub fn weekday(self, day: chrono::Weekday) -> &'static str {
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        const ID: [&str; 7] = [
            "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
        ];
        let index = day.num_days_from_monday() as usize;
        match self {
            Lang::En => EN[index],
            Lang::Id => ID[index],
        }
    }

    /// The name of a month, from 1 (`May`, `Mei`).
    pub fn month(self, month: u32) -> &'static str {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const ID: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        let index = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::En => EN[index],
            Lang::Id => ID[index],
        }
    }
}
