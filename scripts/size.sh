#!/usr/bin/env bash
# Raw and gzip (-9) bytes of every file in dist/, the total, and the engine's share of the Wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
[ -d dist ] || { echo "no dist/: run make dist first"; exit 1; }
gz() { gzip -9 -c "$1" | wc -c; }
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' file raw gzip
while IFS= read -r f; do
  raw=$(wc -c <"$f"); g=$(gz "$f")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + g))
  printf '%-48s %10d %10d\n' "${f#dist/}" "$raw" "$g"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
awk -v b="$total_gz" 'BEGIN { printf "total gzip: %.1f KB (everything in dist/)\n", b / 1024 }'

# What a reader's browser fetches for the default article, and what opening another article
# adds (scripts/reader-files.mjs says which files).
first=0
while IFS= read -r f; do first=$((first + $(gz "$f"))); done < <(node scripts/reader-files.mjs dist first)
awk -v b="$first" 'BEGIN { printf "the default article is on screen after (page with the prerendered article, preboot.js, stylesheet; no Wasm): %d bytes gzip (%.1f KB)\n", b, b / 1024 }'
reader=0
while IFS= read -r f; do reader=$((reader + $(gz "$f"))); done < <(node scripts/reader-files.mjs dist reader)
awk -v b="$reader" 'BEGIN { printf "a reader downloads (default article): %d bytes gzip (%.1f KB)\n", b, b / 1024 }'
later=0
while IFS= read -r f; do later=$((later + $(gz "$f"))); done < <(node scripts/reader-files.mjs dist engine)
awk -v b="$later" -v r="$reader" 'BEGIN { printf "opening another article adds the worker and engine: %d bytes gzip (%.1f KB; %.1f KB in all)\n", b, b / 1024, (b + r) / 1024 }'
pages=0
while IFS= read -r f; do pages=$((pages + $(gz "$f"))); done < <(node scripts/reader-files.mjs dist pages)
awk -v b="$pages" 'BEGIN { printf "opening a web page adds the page reader (engine/html*): %d bytes gzip (%.1f KB)\n", b, b / 1024 }'

# The engine alone (crates/engine-size: the analysis behind plain exports), same profile and
# wasm-opt; the app's Wasm links none of it.
cargo build -q --profile release-engine --locked --target wasm32-unknown-unknown -p engine-size
mkdir -p target/size
wasm-opt -Oz --skip-pass=memory-packing --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  target/wasm32-unknown-unknown/release-engine/engine_size.wasm -o target/size/engine.wasm
engine=$(gz target/size/engine.wasm)
module=$(gz dist/engine/lede_bg.wasm)
awk -v e="$engine" -v m="$module" 'BEGIN { printf "engine alone: %d bytes gzip (%.1f KB); engine/lede_bg.wasm, with its JavaScript interface and readers: %.1f KB\n", e, e / 1024, m / 1024 }'
data=$(sed -n '/^pub const/,$p' crates/lede-engine/src/gazetteer_data.rs | gzip -9 | wc -c)
awk -v d="$data" 'BEGIN { printf "gazetteer data: %d bytes gzip (%.1f KB; budget 60 KB)\n", d, d / 1024 }'
# The trained name tagger's model (crates/lede-engine/model/ner.bin), embedded in the engine:
# its weights gzip on their own about as they do inside the Wasm (budget: 300 KB gzip).
model=$(gz crates/lede-engine/model/ner.bin)
awk -v m="$model" -v r="$(wc -c <crates/lede-engine/model/ner.bin)" 'BEGIN { printf "NER model: %d bytes raw, %d bytes gzip (%.1f KB; budget 300 KB), inside the engine module\n", r, m, m / 1024 }'
