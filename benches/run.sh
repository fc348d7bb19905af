#!/usr/bin/env bash
# The performance benchmark of issue 16, from a clean clone:
#
#     bash benches/run.sh                 # 100,000 seminars (about 15 minutes here)
#     bash benches/run.sh --quick         # small sizes, about 15 s
#     bash benches/run.sh --quick --gate  # what CI runs: fails past 3× a target
#
# It installs sqlite3 if missing (Debian/Ubuntu), builds the release binary and
# examples/bench.rs, which generates the databases and input files under target/bench/ and
# prints one table of ratios (also written to target/bench/results-N.md).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v sqlite3 >/dev/null; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq sqlite3 >/dev/null
fi
cargo build --release --locked --quiet --bin seminar --example bench
exec target/release/examples/bench "$@"
