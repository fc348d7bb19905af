#!/usr/bin/env bash
# Whole-process benchmarks of `seminar` against the sqlite3 command-line tool on the same
# database file, reported as ratios measured in the same run. One command from a clean
# clone:
#
#     bash benches/run.sh            # 100,000 seminars (SEMINARS=25000 for a quicker run)
#
# It builds the release binary and the generator, generates the databases it needs under
# target/bench/ (kept for later runs), installs hyperfine and sqlite3 if they are missing
# (Debian/Ubuntu), and writes the table to target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${SEMINARS:-100000}"
OUT=target/bench
mkdir -p "$OUT"
RESULTS="$OUT/results.md"

need() {
    command -v "$1" >/dev/null && return
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "$2" >/dev/null
}
need hyperfine hyperfine
need sqlite3 sqlite3
need python3 python3

cargo build --release --locked --quiet --bin seminar --example bench_db
S="$PWD/target/release/seminar"
GEN="$PWD/target/release/examples/bench_db"

database() { # database N -> path, generated once
    local db="$OUT/bench-$1.db"
    [ -f "$db" ] || "$GEN" "$db" --seminars "$1" >&2
    echo "$db"
}
DB="$(database "$N")"

# Sample records from the middle of the data.
SLUG="$(sqlite3 "$DB" "SELECT slug FROM seminar WHERE id = $((N / 2))")"
PERSON="$(sqlite3 "$DB" "SELECT p.name FROM person p JOIN role r ON r.person_id = p.id WHERE r.seminar_id = $((N / 2)) LIMIT 1 OFFSET 3")"
PERSON_KEY="$(echo "$PERSON" | tr '[:upper:]' '[:lower:]')"
SHORT="$(sqlite3 "$DB" "SELECT short_name FROM institution WHERE short_name IS NOT NULL AND id > $((N / 10)) LIMIT 1")"
SHORT_KEY="$(echo "$SHORT" | tr '[:upper:]' '[:lower:]')"

# The SQL a person would type for the same answers: joined SELECTs on the same indexes.
AGENDA_SQL="SELECT s.title, s.subtitle, s.first_day, s.start_time, s.end_time, v.name, v.address, t.starts_at, t.minutes, t.kind, t.title, p.name, r.position, i.name FROM seminar s LEFT JOIN venue v ON v.id = s.venue_id LEFT JOIN slot t ON t.seminar_id = s.id LEFT JOIN slot_role sr ON sr.slot_id = t.id LEFT JOIN role r ON r.id = sr.role_id LEFT JOIN person p ON p.id = r.person_id LEFT JOIN institution i ON i.id = r.institution_id WHERE s.slug = '$SLUG' ORDER BY t.starts_at, sr.position"
SPEAKERS_SQL="SELECT p.name, r.position, i.name, s.slug, s.title, s.first_day FROM institution i JOIN role r ON r.institution_id = i.id JOIN person p ON p.id = r.person_id JOIN seminar s ON s.id = r.seminar_id WHERE i.short_key = '$SHORT_KEY' AND r.kind = 'speaker' ORDER BY s.starts_at DESC"
LIST_SQL="SELECT s.slug, s.first_day, s.start_time, s.end_time, s.title, v.name, (SELECT count(*) FROM role r WHERE r.seminar_id = s.id AND r.kind = 'speaker') FROM seminar s LEFT JOIN venue v ON v.id = s.venue_id WHERE s.first_day >= '2019-02-28' AND s.last_day >= '2020-03-01' AND s.first_day <= '2020-03-31' ORDER BY s.starts_at"
PERSON_SQL="SELECT p.name, p.position, i.name, r.kind, r.position, s.slug, s.title, s.first_day FROM person p LEFT JOIN institution i ON i.id = p.institution_id JOIN role r ON r.person_id = p.id JOIN seminar s ON s.id = r.seminar_id WHERE p.name_key = '$PERSON_KEY' ORDER BY s.starts_at DESC"

mean() { # mean FILE.json INDEX -> seconds
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['mean'])" "$1" "$2"
}
rss() { # rss COMMAND... -> peak resident set in MB
    /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}
compare() { # compare NAME TARGET SEMINAR_COMMAND SQLITE_COMMAND [hyperfine options]
    local name="$1" target="$2" ours="$3" floor="$4"
    shift 4
    local json="$OUT/$(echo "$name" | tr -c 'a-z0-9' '-').json"
    # Options after the two commands (runs, warmup, prepare) override the defaults here.
    local warmup=3
    [[ " $* " == *" --warmup "* ]] && warmup=""
    hyperfine -N --style none ${warmup:+--warmup $warmup} --export-json "$json" "$@" "$ours" "$floor" >/dev/null
    local a b
    a="$(mean "$json" 0)"
    b="$(mean "$json" 1)"
    python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); r=a/b; t=float(sys.argv[4]); print(f'| {sys.argv[3]} | {a*1000:.1f} ms | {b*1000:.1f} ms | {r:.2f}× | ≤ {t}× | {\"met\" if r <= t else \"missed\"} |')" "$a" "$b" "$name" "$target" >>"$RESULTS"
}

{
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); $(sqlite3 -version | cut -d' ' -f1-2 | sed 's/^/sqlite3 /'); $("$S" --version)"
    echo "Database: $N seminars ($(du -h "$DB" | cut -f1)); $(date -u +%Y-%m-%d)"
    echo
    echo "| command | seminar | sqlite3 | ratio | target | |"
    echo "| --- | --- | --- | --- | --- | --- |"
} >"$RESULTS"

compare "seminar --version vs sqlite3 -version" 1.2 "$S --version" "sqlite3 -version" --runs 200
compare "agenda SLUG" 1.5 "$S --db $DB agenda $SLUG" "sqlite3 $DB \"$AGENDA_SQL\"" --runs 100
compare "speaker list --institution" 1.5 "$S --db $DB speaker list --institution $SHORT" "sqlite3 $DB \"$SPEAKERS_SQL\"" --runs 100
compare "list --from --to (a month)" 1.5 "$S --db $DB list --from 2020-03-01 --to 2020-03-31" "sqlite3 $DB \"$LIST_SQL\"" --runs 100
compare "person show NAME" 1.5 "$S --db $DB person show \"$PERSON\"" "sqlite3 $DB \"$PERSON_SQL\"" --runs 100

# CSV import: 100,000 new speakers spread over the seminars, against `.import` of the same
# file into a table. Each run starts from a fresh copy of the database.
CSV="$OUT/speakers-$N.csv"
if [ ! -f "$CSV" ]; then
    sqlite3 "$DB" "SELECT slug FROM seminar WHERE status <> 'cancelled' ORDER BY id" |
        python3 -c "
import sys
slugs = sys.stdin.read().split()
print('seminar,name,position,institution')
for i in range(100000):
    print(f'{slugs[i % len(slugs)]},Peserta Impor {i:06d},Peneliti,I{(i * 4) % max(1, $N // 5)}')
" >"$CSV"
fi
WORK="$OUT/import-work.db"
compare "import 100,000 speakers (CSV, --new) vs .import" 2 "$S --db $WORK import $CSV --new" "sqlite3 $WORK \".import --csv $CSV staging\"" \
    --runs 3 --warmup 0 --prepare "cp $DB $WORK"

# `check` over the whole database at three sizes: n log n grows about 2.1× per doubling,
# n² would grow 4×.
{
    echo
    echo "| \`seminar check\` (whole database) | time | growth from the size before | peak RSS |"
    echo "| --- | --- | --- | --- |"
} >>"$RESULTS"
previous=""
for size in $((N / 4)) $((N / 2)) "$N"; do
    db="$(database "$size")"
    json="$OUT/check-$size.json"
    hyperfine -N --style none --warmup 1 --runs 5 --export-json "$json" "$S --db $db check" >/dev/null
    t="$(mean "$json" 0)"
    growth="-"
    [ -n "$previous" ] && growth="$(python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}×')" "$t" "$previous")"
    echo "| $size seminars | $(python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.0f} ms')" "$t") | $growth | $(rss "$S" --db "$db" check) MB |" >>"$RESULTS"
    previous="$t"
done

# Exports of a year: events per second.
{
    echo
    echo "| export of 2020 | time | events | events/s | peak RSS |"
    echo "| --- | --- | --- | --- | --- |"
} >>"$RESULTS"
YEAR_SEMINARS="$(sqlite3 "$DB" "SELECT count(*) FROM seminar WHERE first_day BETWEEN '2020-01-01' AND '2020-12-31'")"
YEAR_SLOTS="$(sqlite3 "$DB" "SELECT count(*) FROM slot t JOIN seminar s ON s.id = t.seminar_id WHERE s.first_day BETWEEN '2020-01-01' AND '2020-12-31'")"
for format in ics frab; do
    events="$YEAR_SEMINARS"
    [ "$format" = frab ] && events="$YEAR_SLOTS"
    json="$OUT/export-$format.json"
    hyperfine -N --style none --warmup 1 --runs 5 --export-json "$json" \
        "$S --db $DB export --format $format --from 2020-01-01 --to 2020-12-31 -o $OUT/2020.$format" >/dev/null
    t="$(mean "$json" 0)"
    echo "| --format $format | $(python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.0f} ms')" "$t") | $events | $(python3 -c "import sys; print(f'{int(sys.argv[2])/float(sys.argv[1]):,.0f}')" "$t" "$events") | $(rss "$S" --db "$DB" export --format "$format" --from 2020-01-01 --to 2020-12-31 -o "$OUT/2020.$format") MB |" >>"$RESULTS"
done

# Peak memory of the single-seminar commands (target < 30 MB).
{
    echo
    echo "| single-seminar command | peak RSS | target |"
    echo "| --- | --- | --- |"
    echo "| agenda SLUG | $(rss "$S" --db "$DB" agenda "$SLUG") MB | < 30 MB |"
    echo "| agenda SLUG --format ics | $(rss "$S" --db "$DB" agenda "$SLUG" --format ics) MB | < 30 MB |"
    echo "| person show NAME | $(rss "$S" --db "$DB" person show "$PERSON") MB | < 30 MB |"
    echo "| speaker list --institution | $(rss "$S" --db "$DB" speaker list --institution "$SHORT") MB | < 30 MB |"
    echo "| list --from --to (a month) | $(rss "$S" --db "$DB" list --from 2020-03-01 --to 2020-03-31) MB | < 30 MB |"
} >>"$RESULTS"

cat "$RESULTS"
