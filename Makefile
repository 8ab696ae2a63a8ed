# Lede: the two commands a newcomer needs are `make serve` and `make test`.
# Every target installs what it needs first (scripts/ensure-tools.sh skips what is present).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: lighthouse serve dist standalone size test lint test-native test-wasm e2e deny eval train eval-conll bench bench-ui fuzz tools browser clean

MEANTIME ?= ../shared/data/meantime
TEMPEVAL ?= ../shared/data/tempeval3-train
PAGES ?= ../shared/data/readability-pages
NER_DATA ?= ../shared/data/ner-train
FUZZ_SECONDS ?= 900

## Build and serve the viewer with the default article on http://127.0.0.1:8080 (live reload).
serve: tools
	trunk serve --address 127.0.0.1 --port 8080

## Release build into dist/, with relative URLs so the folder works from any sub-path.
dist: tools
	trunk build --release --public-url ./
	node scripts/externalize-boot.mjs dist

## One HTML file with the viewer and the default article inlined (opens from disk): dist/lede.html.
standalone: dist
	node scripts/standalone.mjs dist

## Raw and gzip bytes of every file in dist/, and the total.
size: dist
	@scripts/size.sh

## Lighthouse 12, desktop and mobile, on the built viewer (installs lighthouse into target/ on first use).
lighthouse: dist
	@scripts/lighthouse.sh

## Every test: engine and SSR natively, wasm-bindgen-test in Chromium, end-to-end in Chromium.
test: tools browser deny lint test-native test-wasm e2e

## Formatting (rustfmt.toml) and clippy over the whole workspace, warnings as errors (part of make test).
lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

## Dependency policy (deny.toml): permissive licences only, no wildcard versions, crates.io only.
deny:
	@scripts/ensure-tools.sh deny
	cargo deny --log-level error check licenses bans sources

test-native:
	cargo test --workspace --locked

test-wasm: tools browser
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test --locked --target wasm32-unknown-unknown -p lede --test web

e2e: standalone browser
	node tests/e2e/run.mjs

## Score the engine on the MEANTIME corpus, its dates on TempEval-3's training corpus (TimeBank +
## AQUAINT, TempEval-3 Task A measures), its names on the CoNLL dev files, its timeline events
## against the events TLINKs anchor to dates, and the page reader on saved web pages (each
## skipped, with a message, when absent).
eval: eval-conll
	cargo run -q --release --locked -p lede-cli -- eval meantime $(MEANTIME)
	cargo run -q --release --locked -p lede-cli -- eval timeml $(TEMPEVAL)
	cargo run -q --release --locked -p lede-cli -- eval events $(TEMPEVAL) $(MEANTIME)
	cargo run -q --release --locked -p lede-cli -- eval html $(PAGES)

## Train the NER tagger (crates/lede-train) into crates/lede-engine/model/ner.bin (skipped, with a
## message, when the training data is absent). Deterministic; the committed model is its output.
## Optimised at opt-level 3 (the release profile's opt-level "z" is for the Wasm, and slow here);
## LEDE_NER_BOOTSTRAP=1 lets the trainer build on a checkout without a model (it never uses it).
train:
	@if [ ! -d "$(NER_DATA)" ]; then echo "train: $(NER_DATA) not found: skipped (the committed model is kept)"; exit 0; fi; \
	LEDE_NER_BOOTSTRAP=1 CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
	  cargo run --release --locked -p lede-train -- --data $(NER_DATA) --out crates/lede-engine/model/ner.bin

## Exact typed PER/ORG/LOC span F1 on the CoNLL dev files present under NER_DATA: the NER
## model alone, then the whole engine (model, then rules).
eval-conll:
	@files=""; for f in gmb/dev uner-pud/dev btc/dev wnut17/dev uner-ewt/dev; do \
	  if [ -f "$(NER_DATA)/$$f.conll" ]; then files="$$files $(NER_DATA)/$$f.conll"; fi; done; \
	if [ -z "$$files" ]; then echo "eval-conll: no CoNLL dev files under $(NER_DATA): skipped"; \
	else echo "== the model alone =="; cargo run -q --release --locked -p lede-cli -- eval conll --model $$files | tail -6; \
	  echo "== the engine (model, then rules) =="; cargo run -q --release --locked -p lede-cli -- eval conll --engine $$files | tail -6; fi

## Lede against its peers in one run (engine throughput vs compromise, chrono-node, wink-nlp;
## bundle vs TimelineJS + compromise; page load vs TimelineJS; scale 10 KB-5 MB; interaction):
## prints one table and writes target/bench.json. Criterion (native) runs first.
bench: dist browser
	cargo bench --locked -p lede-engine
	cargo build --release --locked -p lede-cli
	node scripts/bench.mjs

## UI timings on a generated 1 MB article in headless Chromium (BENCH_BYTES to change the size).
bench-ui: dist browser
	node tests/e2e/bench-ui.mjs

## Fuzz the engine (cargo-fuzz on the nightly toolchain): annotate, lede/1 JSON import and
## TimeML import, each for FUZZ_SECONDS (default 900, the hardening issue's 15 minutes).
## Installs cargo-fuzz when missing.
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && cargo +nightly fuzz run annotate -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	cd fuzz && cargo +nightly fuzz run json_import -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	cd fuzz && cargo +nightly fuzz run timeml_import -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	cd fuzz && cargo +nightly fuzz run html_page -- -max_total_time=$(FUZZ_SECONDS) -max_len=16384

tools:
	@scripts/ensure-tools.sh build

browser:
	@scripts/ensure-tools.sh browser

clean:
	rm -rf dist target/e2e
