#!/usr/bin/env bash
# Build the engine's JavaScript module (crates/lede-wasm) into <dir>/engine: lede.js, lede_bg.wasm
# and lede.d.ts. Trunk runs it after each build (post_build hook in Trunk.toml), writing into its
# staging folder; the viewer's Web Worker (static/worker.js) and developers import it.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:-dist}}/engine"
profile="${TRUNK_PROFILE:-release}"
flags=(--locked -p lede-wasm --target wasm32-unknown-unknown)
dir=debug
# The engine is built for speed (profile release-engine, opt-level 3: see Cargo.toml).
if [ "$profile" = release ]; then flags+=(--profile release-engine); dir=release-engine; fi
cargo build "${flags[@]}"
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" --out-name lede "target/wasm32-unknown-unknown/$dir/lede_wasm.wasm"
if [ "$profile" = release ]; then
  # Memory packing would cut the name tagger's sparse weight table (model/ner.bin, mostly
  # zeros) into thousands of data segments, whose headers gzip badly: 554 KB gzip with it,
  # 439 KB without (the engine alone, measured 2026-12-03).
  wasm-opt -Oz --skip-pass=memory-packing --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$out/lede_bg.wasm" -o "$out/lede_bg.wasm.opt" && mv "$out/lede_bg.wasm.opt" "$out/lede_bg.wasm"
fi
# The page reader (crates/lede-html): its own module, which the worker loads only when a web
# page arrives, so a plain-text article never downloads its HTML parser.
# It is built for size, as the viewer is.
flags=(--locked -p lede-html --target wasm32-unknown-unknown)
dir=debug
if [ "$profile" = release ]; then flags+=(--release); dir=release; fi
cargo build "${flags[@]}"
wasm-bindgen --target web --out-dir "$out" --out-name html "target/wasm32-unknown-unknown/$dir/lede_html.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$out/html_bg.wasm" -o "$out/html_bg.wasm.opt" && mv "$out/html_bg.wasm.opt" "$out/html_bg.wasm"
fi
cp static/engine/example.html static/engine/example.js static/engine/example.css "$out/"

# The default article's analysis, by this same engine (run in Node.js), so the viewer shows it
# without loading the engine: articles/default.json next to articles/default.txt.
node scripts/annotate-default.mjs "$out/.."

# The viewer for the default article, rendered natively (yew's server renderer) into
# index.html's #lede, so a reader sees the article before any Wasm runs; the viewer hydrates
# it (crates/lede-prerender). A debug build: it reuses what `cargo test` compiled.
cargo run --locked -q -p lede-prerender -- "$out/.."
