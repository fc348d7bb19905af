#!/usr/bin/env bash
# Near-duplicate checks at scale: a CSV import of 1,000, 2,000 and 4,000 new speakers
# (without --new, so every new name is compared with everyone on record) into the
# 100,000-seminar benchmark database (200,000 people). Each run starts from a fresh copy of
# the database. Prints one table row per size with the time and its growth from the size
# before (a scan of every name for every new name grows about 4× per doubling). Each time is
# the best of RUNS runs (default 2), each on a fresh copy read into the page cache first.
#
#     bash benches/names.sh                    # this checkout's release build
#     SEMINARS=25000 bash benches/names.sh     # a quicker run
#     SEMINAR=/path/to/seminar GEN=/path/to/bench_db OUT=target/bench-names-main \
#         bash benches/names.sh                # another build (e.g. main), its own database
set -euo pipefail
cd "$(dirname "$0")/.."

N="${SEMINARS:-100000}"
OUT="${OUT:-target/bench-names}"
SIZES="${SIZES:-1000 2000 4000}"
RUNS="${RUNS:-2}"
mkdir -p "$OUT"

if [ -z "${SEMINAR:-}" ]; then
    cargo build --release --locked --quiet --bin seminar --example bench_db
    SEMINAR="$PWD/target/release/seminar"
    GEN="$PWD/target/release/examples/bench_db"
fi

DB="$OUT/bench-$N.db"
[ -f "$DB" ] || "$GEN" "$DB" --seminars "$N" >&2

# New names, none close to anyone on record or to each other, each on a seminar of its own.
csv() { # csv COUNT -> path
    local file="$OUT/new-speakers-$1.csv"
    if [ ! -f "$file" ]; then
        sqlite3 "$DB" "SELECT slug FROM seminar WHERE status <> 'cancelled' ORDER BY id LIMIT $1" |
            python3 -c "
import sys
slugs = sys.stdin.read().split()
print('seminar,name,position')
for i, slug in enumerate(slugs):
    print(f'{slug},Peserta Impor {i:06d},Peneliti')
" >"$file"
    fi
    echo "$file"
}

echo "| new names (CSV import, no --new) | time | growth from the size before |"
echo "| --- | --- | --- |"
previous=""
for size in $SIZES; do
    file="$(csv "$size")"
    work="$OUT/work.db"
    t=""
    for _ in $(seq "$RUNS"); do
        rm -f "$work" "$work-wal" "$work-shm"
        cp "$DB" "$work"
        cat "$work" >/dev/null
        start="$(date +%s.%N)"
        "$SEMINAR" --db "$work" import "$file" >/dev/null
        end="$(date +%s.%N)"
        t="$(python3 -c "import sys; d = float(sys.argv[2]) - float(sys.argv[1]); print(d if not sys.argv[3] else min(d, float(sys.argv[3])))" "$start" "$end" "$t")"
    done
    growth=""
    [ -n "$previous" ] && growth="$(python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}×')" "$t" "$previous")"
    echo "| $size | $(python3 -c "import sys; print(f'{float(sys.argv[1]):.2f} s')" "$t") | $growth |"
    previous="$t"
done
rm -f "$OUT/work.db" "$OUT/work.db-wal" "$OUT/work.db-shm"
