#!/usr/bin/env bash
# Measures the terminal app itself, in tmux, through its timing mode (SKILLBOOK_TIMING=FILE,
# see the README): start to first frame with the index warm and with no index, all cards
# loaded (no index), each keystroke to updated results in the search pane while typing
# "pivot chart", and the app's peak resident memory. Prints medians and worst cases.
#
#     bash benches/latency.sh                 # 1,000, 10,000 and 100,000 cards, 5 runs each
#     SIZES=10000 RUNS=3 bash benches/latency.sh
#
# The libraries are the ones benches/compare.sh and the criterion benches generate.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-5}
TYPED="pivot chart"
WORK=${COMPARE_DIR:-${TMPDIR:-/tmp}/skillbook-bench}
TARGET=${CARGO_TARGET_DIR:-target}
SESSION=skillbook-latency-$$

command -v tmux >/dev/null || { apt-get install -y tmux >/dev/null || { apt-get update >/dev/null && apt-get install -y tmux >/dev/null; }; }
# NO_BUILD=1 uses the binaries already built (while another cargo command holds the build lock).
[[ -n ${NO_BUILD:-} ]] || cargo build --release --quiet --bin skillbook --example generate_library
BIN=$(realpath "$TARGET/release/skillbook")
GEN=$TARGET/release/examples/generate_library
mkdir -p "$WORK"
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true' EXIT

# Waits until FILE has at least N lines matching PATTERN (at most 120 s).
wait_for() {
    local file=$1 pattern=$2 count=$3
    for _ in $(seq 1 12000); do
        if [[ -f $file ]] && (($(grep -c "$pattern" "$file" || true) >= count)); then
            return 0
        fi
        sleep 0.01
    done
    echo "timed out waiting for $pattern in $file" >&2
    return 1
}

# One run: starts the app on LIB with the cache folder CACHE, types the query when asked,
# quits; the timings go to OUT, the peak memory (KB) to OUT.mem.
run_once() {
    local lib=$1 cache=$2 out=$3 type=$4 size=$5
    rm -f "$out" "$out.mem"
    mkdir -p "$cache" "$WORK/config"
    tmux new-session -d -s "$SESSION" -x 200 -y 50 \
        "env XDG_CACHE_HOME=$cache XDG_CONFIG_HOME=$WORK/config SKILLBOOK_TIMING=$out /usr/bin/time -o $out.mem -f %M $BIN --library $lib"
    wait_for "$out" '^first_frame' 1
    if [[ $type == cold ]]; then
        wait_for "$out" '^all_loaded' 1
    fi
    if [[ $type == type ]]; then
        tmux send-keys -t "$SESSION" /
        wait_for "$out" '^key' 1
        local n=1
        for ((i = 0; i < ${#TYPED}; i++)); do
            tmux send-keys -t "$SESSION" -l "${TYPED:i:1}"
            n=$((n + 1))
            wait_for "$out" '^key' "$n"
            # From 20,000 cards matching runs on a worker: wait for each key's results too.
            if ((size >= 20000)); then
                wait_for "$out" '^results' "$((i + 1))"
            fi
        done
        tmux send-keys -t "$SESSION" Escape
        n=$((n + 1))
        wait_for "$out" '^key' "$n"
    fi
    tmux send-keys -t "$SESSION" q
    for _ in $(seq 1 3000); do
        [[ -s $out.mem ]] && break
        sleep 0.01
    done
    tmux kill-session -t "$SESSION" 2>/dev/null || true
}

median() { sort -n | awk '{a[NR] = $1} END { if (NR == 0) print "-"; else if (NR % 2) printf "%.1f", a[(NR + 1) / 2]; else printf "%.1f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
maximum() { sort -n | tail -1 | awk '{printf "%.1f", $1}'; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for size in $SIZES; do
    lib=$WORK/lib$size
    if [[ ! -f $lib/.complete ]]; then
        rm -rf "$lib"
        "$GEN" "$size" "$lib" >/dev/null 2>&1
        touch "$lib/.complete"
    fi
    results=$WORK/latency$size
    rm -rf "$results"
    mkdir -p "$results"
    for run in $(seq 1 "$RUNS"); do
        # No index: a fresh cache folder each time; then the same cache, warm.
        run_once "$lib" "$results/cache$run" "$results/cold$run.tsv" cold "$size"
        run_once "$lib" "$results/cache$run" "$results/warm$run.tsv" type "$size"
    done
    first_warm=$(cat "$results"/warm*.tsv | awk -F'\t' '$1 == "first_frame" {print $2}' | median)
    first_cold=$(cat "$results"/cold*.tsv | awk -F'\t' '$1 == "first_frame" {print $2}' | median)
    all_cold=$(cat "$results"/cold*.tsv | awk -F'\t' '$1 == "all_loaded" {print $2}' | median)
    # Keys typed into the search box (not the / that opens it, not the Esc): the key's frame is
    # its echo; the results come with it, or (from 20,000 cards) in a `results` line.
    echo_keys=$(cat "$results"/warm*.tsv | awk -F'\t' '$1 == "key" && $3 == "Search" && $4 ~ /^Char/ {print $2}')
    if ((size >= 20000)); then
        keys=$(cat "$results"/warm*.tsv | awk -F'\t' '$1 == "results" && $4 ~ /^Char/ {print $2}')
    else
        keys=$echo_keys
    fi
    echo_median=$(echo "$echo_keys" | median)
    echo_worst=$(echo "$echo_keys" | maximum)
    key_median=$(echo "$keys" | median)
    key_worst=$(echo "$keys" | maximum)
    mem_warm=$(cat "$results"/warm*.mem | median)
    mem_cold=$(cat "$results"/cold*.mem | median)
    echo
    echo "== $size cards, $RUNS runs (medians, ms)"
    echo "start to first frame, index warm:  $first_warm"
    echo "start to first frame, no index:    $first_cold   (all loaded: $all_cold)"
    echo "keystroke to results (search):     $key_median   [worst $key_worst]"
    echo "keystroke to prompt echo (search): $echo_median   [worst $echo_worst]"
    echo "peak resident memory (MB):         warm+typing $(awk -v k="$mem_warm" 'BEGIN {printf "%.0f", k / 1024}'), cold $(awk -v k="$mem_cold" 'BEGIN {printf "%.0f", k / 1024}')"
done
