# The command line's help: about lines, examples (--after), long descriptions (--long) and
# the help of each argument (command--argument). See src/cli/help.rs for the ids.

seminar = Plan seminars from one local SQLite file: speakers, moderators, venues, slots and agendas

seminar--after =
    Seminars are named by slug (kss-2017) or #ID. Dates: 2017-05-18, 18/05/2017, 18 Mei 2017,
    Kamis, 18 Mei 2017. Times: 09:00 or 09.00. Zones: Asia/Jakarta, WIB, WITA, WIT.

    Exit codes: 0 success, 1 error, 2 usage error, 3 `check` found problems.

seminar--db = Database file [env: SEMINAR_DB; config: db] [default: the platform data folder, e.g. ~/.local/share/seminar/seminar.db]

seminar--json = Print machine-readable JSON (read commands, and the record a change touched)

seminar--lang = Language of the output [env: SEMINAR_LANG; config: lang] [default: en]

seminar--yes = Assume yes: do not ask before deleting

seminar--no_input = Never prompt (implied when stdin is not a terminal)

flag-help = Print help

flag-version = Print version

seminar-create = Create a seminar

seminar-create--after =
    Example:
      seminar create "Seminar on South-South Cooperation" --date "Kamis, 18/05/2017" \
        --start 09:00 --end 12:00 --tz WIB --venue "Auditorium Juwono Sudarsono" --slug kss-2017

seminar-create--title = The seminar's title; without one (on a terminal) every detail is asked for in turn

seminar-create--date = The (first) day: 2017-05-18, 18/05/2017, 18 Mei 2017, Kamis, 18 Mei 2017

seminar-create--until = The last day, for a seminar of several days

seminar-create--start = Start time each day, 09:00 or 09.00 [default: 09:00]

seminar-create--end = End time each day [default: 17:00, or two hours after a later start]

seminar-create--tz = Time zone: Asia/Jakarta, WIB, WITA, WIT... [env: SEMINAR_TZ] [default: the system's]

seminar-create--venue = Venue by name (added if new)

seminar-create--subtitle = Theme or subtitle

seminar-create--organizers = An organizer; repeat for several

seminar-create--description = A description for the agenda

seminar-create--slug = Short name for the command line [default: from the title and year]

seminar-create--status = planned, confirmed or cancelled [default: planned]

seminar--force = Record it even if it breaks a booking rule (`seminar check` will report it)

seminar--new = Create a person, institution or venue even if its name is close to an existing one; a person even if someone of that name is on record (a namesake)

seminar-list = List seminars

seminar-list--after =
    Example:
      seminar list --from 2017-05-01 --to 2017-05-31 --search cooperation

seminar--from = Only seminars on or after this day

seminar--to = Only seminars on or before this day

seminar-list--venue = Only seminars at this venue

seminar-list--search = Only seminars whose title, theme, slug or organizers contain this text

seminar-show = Show everything recorded about a seminar

seminar-show--after =
    Example:
      seminar show kss-2017

seminar--seminar = The seminar: its slug (kss-2017) or #ID

seminar-edit = Change a seminar

seminar-edit--after =
    Example:
      seminar edit kss-2017 --start 08:30 --status confirmed

seminar-edit--title = New title

seminar-edit--date = New (first) day; slots move with it

seminar-edit--until = New last day

seminar-edit--start = New start of the day (every day, or the day given by --on); the rundown moves with it

seminar-edit--end = New end of the day (at or before the start: the next morning)

seminar-edit--on = Give one day its own hours with --start and --end (the seminar's hours again drop them)

seminar-edit--tz = New time zone; slots keep their local times

seminar-edit--venue = New venue by name (added if new); "" removes the venue

seminar-edit--subtitle = New theme; "" removes it

seminar-edit--organizers = Organizers, replacing the old list; repeat for several

seminar-edit--no_organizers = Remove all organizers

seminar-cancel = Mark a seminar cancelled (kept on record, books nothing)

seminar-cancel--after =
    Example:
      seminar cancel kss-2017

seminar-delete = Delete a seminar with its roles and slots (asks first)

seminar-delete--after =
    Example:
      seminar delete kss-2017 --yes

seminar-speaker = Add, remove and list speakers

seminar-speaker-add = Add a speaker, with a talk slot if --talk is given

seminar-speaker-add--after =
    Example:
      seminar speaker add kss-2017 "Dinur Krismasari" --position "Senior Representative" \
        --institution "JICA Indonesia" --talk "Japan's triangular cooperation" --at 09:45 --minutes 30

seminar--name = The person: NAME (any case or accents), "NAME (INSTITUTION)", "NAME <email>" or #ID; a name several people share must say which. Without one (on a terminal) known people are offered to pick from

seminar--institution = Their institution, by name, short name or alias (added if new); "Name (ABBR)" sets a short name

seminar--position = Their position at the time of this seminar

seminar--email = Their email (personal data: kept out of exports)

seminar--phone = Their phone number (personal data: kept out of exports)

seminar-speaker-add--talk = Title of their talk: creates a talk slot

seminar-speaker-add--at = When the talk starts

seminar-speaker-add--on = The day of the talk, for a seminar of several days [default: the first day]

seminar-speaker-add--minutes = Length of the talk in minutes

seminar-speaker-add--room = The room of the talk (added as a venue if new) [default: its session's, else the seminar's venue]

seminar-speaker-add--session = The session the talk belongs to: its title or #ID

seminar-speaker-remove = Remove a speaker from a seminar, and the talks only they gave there

seminar-speaker-remove--after =
    Example:
      seminar speaker remove kss-2017 "Dinur Krismasari"

seminar-speaker-remove--name = The speaker: NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID

seminar-speaker-list = List speakers with position and institution as they were at each seminar

seminar-speaker-list--after =
    Examples:
      seminar speaker list kss-2017
      seminar speaker list --institution JICA

seminar-speaker-list--seminar = Only this seminar's speakers (slug or #ID)

seminar-speaker-list--institution = Only those who spoke for this institution (name or short name)

seminar--format = Output format (--json is the same as --format json)

seminar--output = Write to this file (replaced atomically) instead of standard output

seminar-speaker-list--include_contacts = CSV and JSON: add emails and phones (personal data: left out otherwise)

flag-help-summary = Print help (see more with '--help')

flag-help-long = Print help (see a summary with '-h')

seminar-help = Print this message or the help of the given subcommand(s)

seminar-moderator = Assign and unassign moderators

seminar-moderator-assign = Make someone a moderator of a seminar

seminar-moderator-assign--after =
    Example:
      seminar moderator assign kss-2017 "Valerina Daniel"

seminar-moderator-unassign = Take a moderator off a seminar

seminar-moderator-unassign--after =
    Example:
      seminar moderator unassign kss-2017 "Valerina Daniel"

seminar-moderator-unassign--name = The moderator: NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID

seminar-venue = Add, list and assign venues

seminar-venue-add = Add a venue

seminar-venue-add--after =
    Example:
      seminar venue add "Auditorium Juwono Sudarsono" --address "FISIP UI, Depok" --capacity 300

seminar-venue-add--name = The venue's name

seminar-venue-add--capacity = Number of seats

seminar-venue-add--new = Add it even if its name is close to an existing venue's

seminar-venue-list = List venues

seminar-venue-list--after =
    Example:
      seminar venue list

seminar-venue-assign = Hold a seminar at a venue (refused if the venue is booked then)

seminar-venue-assign--after =
    Example:
      seminar venue assign kss-2017 "Auditorium Juwono Sudarsono"

seminar-venue-assign--venue = The venue's name (added if new)

seminar-venue-edit = Rename a venue or set its address or capacity

seminar-venue-edit--after =
    Examples:
      seminar venue edit "Ruang 2" --name "Ruang Sidang 2" --capacity 60
      seminar venue edit "Ruang 2" --address ""

seminar--venue = The venue's name (any case or accents)

seminar-venue-edit--new_name = Its new name

seminar-venue-edit--address = Its address; an empty value removes it

seminar-venue-edit--capacity = Number of seats; an empty value removes it

seminar-venue-edit--new = Rename it even if the new name is close to an existing venue's

seminar-venue-remove = Remove a venue that no seminar, session or slot uses (asks first; --yes to skip)

seminar-venue-remove--after =
    Example:
      seminar venue remove "Ruang 4"

seminar-institution = Add and list institutions

seminar-institution-add = Add an institution

seminar-institution-add--after =
    Example:
      seminar institution add "Kementerian Luar Negeri" --short Kemlu

seminar-institution-add--name = The institution's full name

seminar-institution-add--short = Its short name (Kemlu, JICA, INFID), also accepted wherever an institution is named

seminar-institution-add--new = Add it even if its name is close to an existing institution's

seminar-institution-list = List institutions

seminar-institution-list--after =
    Example:
      seminar institution list

seminar-institution-edit = Rename an institution or set its short name

seminar-institution-edit--after =
    Examples:
      seminar institution edit "JICA Indonesia" --short JICA
      seminar institution edit Kemlu --name "Kementerian Luar Negeri"

seminar-institution-edit--name = The institution, by name or short name

seminar-institution-edit--new_name = Its new full name

seminar-institution-edit--short = Its short name; an empty value removes it

seminar-institution-merge = Fold a duplicate institution into another: its people and roles move over

seminar-institution-merge--after =
    Example:
      seminar institution merge "Kementerian Luar Negri" "Kementerian Luar Negeri"

seminar-institution-merge--from = The duplicate, which is removed

seminar-institution-merge--into = The institution that stays and takes over the duplicate's people and roles

seminar-person = List and show people

seminar-person-list = List people who speak or moderate

seminar-person-list--after =
    Example:
      seminar person list --search jica

seminar-person-list--search = Only people whose name, position or institution contains this text

seminar-person-show = Show a person, with every seminar they took part in

seminar-person-show--after =
    Example:
      seminar person show "dinur krismasari"

seminar-person-show--name = The person: NAME (any case or accents), "NAME (INSTITUTION)", "NAME <email>" or #ID; a name several people share is refused, listing them

seminar-person-merge = Fold a duplicate person into another: roles and talks move over, nothing is lost

seminar-person-merge--after =
    Example:
      seminar person merge "Dinur Krismasari (JICA)" "Dinur Krismasari"

seminar-person-merge--from = The duplicate, which is removed: NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID

seminar-person-merge--into = The person who stays and takes over the duplicate's roles (named the same ways)

seminar-person-merge--force = Merge even if the person would then be in two places at once

seminar-slot = Lay out a seminar's rundown

seminar-slot-add = Add a slot to a seminar's rundown

seminar-slot-add--after =
    Example:
      seminar slot add kss-2017 "Opening remarks" --at 09:00 --minutes 15 --kind opening

seminar-slot-add--title = What happens in the slot

seminar--at = Start time, 09:00 or 09.00

seminar-slot-add--minutes = Length in minutes

seminar-slot-add--on = The day, for a seminar of several days [default: the first day]

seminar-slot-add--speakers = A person on the slot (NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID); repeat for several (added as speaker if not yet in the seminar)

seminar-slot-add--room = The room (added as a venue if new) [default: its session's, else the seminar's venue]

seminar-slot-add--session = The session the slot belongs to: its title or #ID

seminar-slot-add--track = A track label [default: its session's]

seminar-slot-edit = Change or move a slot (time, day, room, length, title, kind, session, track); it keeps its id and calendar UID

seminar-slot-edit--after =
    Examples:
      seminar slot move knhi-2027 "Panel 2B" --room "Ruang 3" --at 13:30
      seminar slot edit kss-2017 '#4' --minutes 45 --title "Q&A"

seminar--slot = The slot: #ID, its start time (10:30) or its title

seminar-slot-edit--at = New start time

seminar-slot-edit--on = New day, for a seminar of several days

seminar--minutes = New length in minutes

seminar-slot-edit--room = New room ("" for the session's or seminar's)

seminar-slot-edit--session = New session, by title or #ID ("" for none)

seminar--track = New track ("" for none)

seminar-slot-list = List a seminar's slots with their ids

seminar-slot-list--after =
    Example:
      seminar slot list kss-2017

seminar-slot-remove = Remove a slot, named by #ID, start time or title

seminar-slot-remove--after =
    Examples:
      seminar slot remove kss-2017 '#3'
      seminar slot remove kss-2017 10:30

seminar-session = Sessions: plenaries, parallel panels and workshops, each in a room with its chairs

seminar-session-add = Add a session: a titled block on one day in one room, with its chairs

seminar-session-add--after =
    Example:
      seminar session add knhi-2027 "Panel 1B: Diplomasi ekonomi" --on 2027-05-12 --at 10:30 \
        --minutes 90 --room "Ruang 2" --chair "Siti Rahmawati" --kind parallel --track Ekonomi

seminar-session-add--title = The session's title

seminar-session-add--on = The day [default: the seminar's first day]

seminar-session-add--minutes = Length in minutes

seminar-session-add--end = End time (at or before the start: the next morning)

seminar-session-add--room = The room (added as a venue if new) [default: the seminar's venue]

seminar-session-add--chairs = A chair of the session; repeat for several (added as moderator of the seminar)

seminar-session-add--track = A track label

seminar-session-list = List a seminar's sessions with their rooms and chairs

seminar-session-list--after =
    Example:
      seminar session list knhi-2027

seminar-session-show = Show one session with its slots

seminar-session-show--after =
    Example:
      seminar session show knhi-2027 "Panel 1B"

seminar--session = The session: its title or #ID

seminar-session-edit = Change or move a session; its slots move along and keep their calendar UIDs

seminar-session-edit--after =
    Examples:
      seminar session move knhi-2027 "Panel 2B" --room "Ruang 3" --at 13:30
      seminar session edit knhi-2027 "#4" --chair "Poppy Lestari" --chair "Wawan Mas'udi"

seminar-session-edit--on = New day

seminar-session-edit--at = New start time (its slots move by as much)

seminar-session-edit--end = New end time

seminar-session-edit--room = New room ("" for the seminar's venue)

seminar-session-edit--chairs = The chairs, replacing the current ones; repeat for several

seminar-session-remove = Remove a session and its slots (or keep the slots with --keep-slots)

seminar-session-remove--after =
    Example:
      seminar session remove knhi-2027 "Panel 2B" --keep-slots

seminar-session-remove--keep_slots = Keep the session's slots, standing alone in its room

seminar-publish = Publish the seminar's schedule as its next version (1, 2, …)

seminar-publish--after =
    Example:
      seminar publish kss-2017 --note "panel 2B moved to Ruang 3"

seminar-publish--seminar = The seminar (slug or #ID)

seminar-publish--note = What this version is about ("room change for panel 2B")

seminar-versions = List the seminar's published versions

seminar-versions--after =
    Example:
      seminar versions kss-2017

seminar-versions--seminar = The seminar (slug or #ID)

seminar-changes = What changed since a published version: talks and sessions added, cancelled, moved

seminar-changes--after =
    Examples:
      seminar changes kss-2017
      seminar changes kss-2017 --since 1 --format markdown

seminar-changes--seminar = The seminar (slug or #ID)

seminar-changes--since = Compare with version N, or with the last version published on or before DATE [default: the last published version]

seminar-changes--per_person = Write a message draft (.eml and .txt) to each speaker or chair whose part changed, into the folder given with -o; nothing is sent

seminar-changes--output = The folder for the --per-person drafts (created if missing)

seminar-roster = Everyone with a part in a seminar, or in the seminars of a period: for certificates and press releases

seminar-roster--after =
    Examples:
      seminar roster kss-2017 --lang id
      seminar roster --from 2017-01-01 --to 2017-12-31 --format csv -o roster-2017.csv
      seminar roster kss-2017 --format html -o roster.html

seminar-roster--from = Every seminar with a day from this date on (with --to)

seminar-roster--to = Every seminar with a day up to this date (with --from)

seminar-roster--include_contacts = Add emails and phones (personal data: left out otherwise; a file is made private)

seminar-agenda = Print a seminar's agenda, or the coming seminars by day

seminar-agenda--after =
    Examples:
      seminar agenda kss-2017 --lang id
      seminar agenda kss-2017 --format html -o agenda.html
      seminar agenda

seminar-agenda--seminar = The seminar (slug or #ID); without it, the coming seminars grouped by day

seminar-agenda--from = Without a seminar: start from this day instead of today

seminar-agenda--to = Without a seminar: stop after this day

seminar-agenda--on = Only this day of the seminar

seminar-agenda--room = Only what happens in this room

seminar-agenda--track = Only this track

seminar-agenda--grid = The timetable: rooms as columns, time as rows (text or html)

seminar-agenda--show_cancelled = Also the talks and sessions cancelled after a publication, struck through

seminar--slots = iCalendar: also one event per slot of the rundown

seminar--include_contacts = JSON: add people's emails and phones (personal data: left out otherwise)

seminar-export = Write many seminars to one file: JSON archive, iCalendar, frab XML, CSV...

seminar-export--after =
    Examples:
      seminar export --format ics --from 2017-01-01 --to 2017-12-31 -o seminars-2017.ics
      seminar export --format json -o backup.json

seminar-export--format = The format of the file

seminar-export--output = The file to write (replaced atomically); `-` for standard output

seminar-import = Read seminars or speakers from a file, all or nothing; a schedule or archive whose seminar or events are on record (same guid/uid) updates that seminar in place

seminar-import--after =
    Examples:
      seminar import speakers.csv --seminar kss-2017 --dry-run
      seminar import schedule.xml
      seminar import schedule-v2.xml --dry-run   (what an updated schedule changes)
      seminar import backup.json

seminar-import--file = The file: a JSON archive, a CSV of speakers, a frab/pretalx schedule.xml or an iCalendar .ics

seminar-import--format = The file's format [default: from its extension: .json, .csv, .xml, .ics]

seminar-import--seminar = CSV: the seminar every row goes to (slug or #ID), instead of a seminar column; iCalendar: the seminar on record the events become slots of

seminar-import--tz = The time zone of a schedule that names none [default: the configured zone]

seminar-import--dry_run = Check everything and say what would change (for a seminar on record, the change report), without changing anything

seminar-check = Report double bookings and rundown problems (exit 3 if any)

seminar-check--after =
    Example:
      seminar check

seminar-check--seminar = Only problems that concern this seminar (slug or #ID)

seminar-backup = Copy the database to a file, safely even while it is in use

seminar-backup--after =
    Examples:
      seminar backup ~/backups/seminar-2017-05-18.db
      seminar --db copy.db agenda kss-2017      # read the copy like any database

seminar-backup--file = Where to write the copy (replaced atomically if it exists)

seminar-doctor = Check the database file: integrity, references, schema version and booking rules (exit 3 if anything is wrong)

seminar-doctor--after =
    Example:
      seminar doctor

seminar-config = Show where the database, language and time zone come from

seminar-config-show = Print the database, language and time zone in effect, and where each comes from

seminar-config-show--after =
    Example:
      seminar config show

seminar-completions = Print a shell completion script (bash, zsh, fish, powershell, elvish)

seminar-completions--after =
    Examples:
      seminar completions bash > ~/.local/share/bash-completion/completions/seminar
      seminar completions zsh > ~/.zfunc/_seminar
      seminar completions fish > ~/.config/fish/completions/seminar.fish

seminar-completions--shell = The shell to complete in

seminar-man = Print the manual page, or write one page per command

seminar-man--after =
    Examples:
      seminar man | man -l -
      seminar man --dir ~/.local/share/man/man1

seminar-man--dir = Write one page per command (seminar.1, seminar-speaker-add.1, …) into this folder instead of printing the main page


## The values of --format (argument--value)

seminar--format--text = Tables for the terminal

seminar--format--markdown = GitHub-style Markdown tables

seminar--format--html = One printable HTML page (A4)

seminar--format--csv = CSV (RFC 4180), one row per slot

seminar--format--json = JSON (see README: JSON shapes)

seminar--format--ics = iCalendar (RFC 5545), one event per seminar

seminar--format--frab = frab / C3VOC schedule.xml

seminar-speaker-list--format--text = A table

seminar-speaker-list--format--csv = CSV with the columns `seminar import` reads back

seminar-speaker-list--format--markdown = A Markdown table

seminar-roster--format--text = A table

seminar-roster--format--markdown = A Markdown table

seminar-roster--format--csv = CSV (RFC 4180), one row per person and seminar

seminar-roster--format--json = JSON (see README: JSON output)

seminar-import--format--json = A `seminar export --format json` archive, or one `agenda --format json` seminar

seminar-import--format--csv = Speakers and moderators, one per row (see README: CSV columns)

seminar-import--format--frab = frab / C3VOC / pretalx schedule.xml

seminar-import--format--ics = An iCalendar file (Indico, pretalx, Google, Apple, Thunderbird), one seminar

seminar-speaker-add--titles = Their titles and degrees, as on a certificate: front titles, a comma, back degrees ("Prof. Dr., M.Si.", "Dr.", ", M.A."); "" removes them. Titles written in NAME ("Dr. Siti Rahmawati, M.A.") are taken too

seminar-moderator-assign--titles = Their titles and degrees, as on a certificate: front titles, a comma, back degrees ("Prof. Dr., M.Si.", "Dr.", ", M.A."); "" removes them. Titles written in NAME ("Dr. Siti Rahmawati, M.A.") are taken too

seminar-institution-alias = Other names of an institution (Univ. Gadjah Mada, Kemenlu): found as its name is

seminar-institution-alias-add = Give an institution another name that finds it wherever an institution is named

seminar-institution-alias-add--after =
    Example:
      seminar institution alias add "Kementerian Luar Negeri" Kemenlu

seminar-institution-alias-add--institution = The institution, by name, short name or alias

seminar-institution-alias-add--alias = The other name

seminar-institution-alias-remove = Take an alias from an institution

seminar-institution-alias-remove--after =
    Example:
      seminar institution alias remove "Kementerian Luar Negeri" Kemenlu

seminar-institution-alias-remove--institution = The institution, by name, short name or alias

seminar-institution-alias-remove--alias = The other name

seminar-speaker-add--keynote = Record them as a keynote speaker (busy during their talks, like a speaker)

seminar-speaker-remove--keynote = Remove their keynote role [default: their speaker role, else their keynote role]

seminar-moderator-assign--mc = Record them as the master of ceremonies (busy during the seminar's hours, like a moderator of the whole seminar)

seminar-moderator-unassign--mc = Take off their MC role [default: their moderator role, else their MC role]
