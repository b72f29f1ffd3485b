#!/usr/bin/env bash
# Times `skillbook search QUERY` (index warm) against `fzf --filter QUERY` over the same cards,
# side by side in one run, at 10,000 and 100,000 cards, and prints the ratios.
#
#     bash benches/compare.sh              # both sizes
#     SIZES=10000 bash benches/compare.sh  # one size
#
# fzf gets one line per card: title, tool, tags and summary (the fields skillbook matches
# fuzzily; skillbook also finds whole words in bodies, through its index). Both run through
# the same shell, whose start-up hyperfine subtracts. Interactive latency (keystroke to
# results in the search pane) is measured in-process: `cargo bench --bench search`.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000"}
QUERIES=("pivot chart" "kloft" "excel dashboard" "slicer" "zzqx")
# The same folder the criterion benches generate their libraries in, so each is made once.
WORK=${COMPARE_DIR:-${TMPDIR:-/tmp}/skillbook-bench}
TARGET=${CARGO_TARGET_DIR:-target}

if ! command -v hyperfine >/dev/null || ! command -v fzf >/dev/null; then
    apt-get install -y hyperfine fzf >/dev/null || { apt-get update >/dev/null && apt-get install -y hyperfine fzf >/dev/null; }
fi

# NO_BUILD=1 uses the binaries already built (while another cargo command holds the build lock).
[[ -n ${NO_BUILD:-} ]] || cargo build --release --quiet --bin skillbook --example generate_library
BIN=$TARGET/release/skillbook
GEN=$TARGET/release/examples/generate_library
# The index goes to a cache folder of this run, never the user's.
export XDG_CACHE_HOME=$WORK/cache
mkdir -p "$WORK"

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fzf $(fzf --version | cut -d' ' -f1), $(hyperfine --version)"

for size in $SIZES; do
    lib=$WORK/lib$size
    if [[ ! -f $lib/.complete ]]; then
        rm -rf "$lib"
        "$GEN" "$size" "$lib" >/dev/null 2>&1
        touch "$lib/.complete"
    fi
    corpus=$WORK/corpus$size.txt
    if [[ ! -s $corpus ]]; then
        # One line per card from its front matter: title, tool, tags, summary.
        find "$lib/cards" -name '*.md' | sort | xargs awk '
            FNR == 1 { if (NR > 1) print line; line = ""; fence = 0 }
            /^\+\+\+/ { fence++; next }
            fence == 1 && /^(title|tool|tags|summary) *=/ {
                sub(/^[a-z]+ *= */, ""); gsub(/[]["]/, ""); line = line (line == "" ? "" : " | ") $0
            }
            END { print line }' >"$corpus"
    fi
    # Cold, to build the index, then once more so no entry is left ambiguous (same second).
    cold=$( { /usr/bin/time -f "%e s %M KB" "$BIN" --library "$lib" search "pivot chart" >/dev/null; } 2>&1 | tail -1)
    warm=$( { /usr/bin/time -f "%e s %M KB" "$BIN" --library "$lib" search "pivot chart" >/dev/null; } 2>&1 | tail -1)
    echo
    echo "== $size cards ($(wc -l <"$corpus") corpus lines); skillbook search cold: $cold; warm: $warm"
    for query in "${QUERIES[@]}"; do
        hyperfine --warmup 2 --min-runs 10 --ignore-failure --style none \
            --export-markdown "$WORK/q.md" \
            -n "skillbook search '$query'" "$BIN --library $lib search '$query' >/dev/null" \
            -n "fzf --filter '$query'" "fzf --filter '$query' <$corpus >/dev/null" \
            >"$WORK/q.out"
        # Mean, ± σ, min and max in ms; the last column is each time relative to the faster.
        grep -E '^\|' "$WORK/q.md" | tail -2
    done
done
