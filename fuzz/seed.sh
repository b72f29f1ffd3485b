#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the bundled packs, then runs one target:
#   fuzz/seed.sh card_parser 600      # ten minutes
# cargo fuzz wants nightly features; RUSTC_BOOTSTRAP lets the stable toolchain build them.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?name a target: card_parser plan_parser pack_manifest markdown_layout duration archive_install}
seconds=${2:-600}
corpus=corpus/$target
mkdir -p "$corpus"
case $target in
  card_parser) cp ../modules/*/cards/*.md "$corpus"/ ;;
  plan_parser) cp ../modules/*/agendas/*.toml ../modules/*/courses/*.toml "$corpus"/ ;;
  pack_manifest) for f in ../modules/*/pack.toml; do cp "$f" "$corpus/$(basename "$(dirname "$f")").toml"; done ;;
  markdown_layout) for f in ../modules/*/cards/*.md; do { printf 'P'; sed '1,/^+++$/d' "$f" | sed '1,/^+++$/d'; } > "$corpus/$(basename "$f")"; done ;;
  archive_install)
    # The first byte picks the file name (0 .tar, 1 .tar.gz, 2 .zip, 3 none); then the archive.
    work=$(mktemp -d)
    for pack in excel-charts slack podio; do
      (cd ../modules && tar -cf "$work/$pack.tar" "$pack" && zip -qr "$work/$pack.zip" "$pack")
      gzip -c "$work/$pack.tar" > "$work/$pack.tgz"
      { printf '\x00'; cat "$work/$pack.tar"; } > "$corpus/$pack-tar"
      { printf '\x01'; cat "$work/$pack.tgz"; } > "$corpus/$pack-tgz"
      { printf '\x02'; cat "$work/$pack.zip"; } > "$corpus/$pack-zip"
      { printf '\x03'; cat "$work/$pack.tgz"; } > "$corpus/$pack-detect"
    done
    rm -r "$work" ;;
  duration) printf '90' > "$corpus/a"; printf '1:30' > "$corpus/b"; printf '1h30' > "$corpus/c"; printf '45m' > "$corpus/d" ;;
esac
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1
