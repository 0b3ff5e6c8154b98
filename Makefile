# Lede — build, serve, test, evaluate.
#
#   make serve   build everything (installing what is missing) and serve the
#                page on http://127.0.0.1:8080
#   make test    every test: Rust, wasm in node, the page in headless Chromium
#   make train   train the name tagger (MODEL=full|open) from DATA
#   make eval    dev-set scores through the CLI (both MODEL=full and open)
#   make bench   wasm vs compromise and wink-nlp in node; native MB/s and memory
#   make fuzz    a short cargo-fuzz run of both targets (FUZZ_SECONDS=60)
#
# Everything the build needs is installed by these targets: the wasm target
# (rustup), the wasm-bindgen CLI at the exact crate version (into .tools/),
# npm dev packages (node_modules/), and Debian's chromium for browser tests.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

# Corpora for eval/train live beside the project; override with DATA=…
DATA ?= ../shared/data
# Which trained name model is embedded: full (default) or open (openly
# licensed training data only); see MODEL_CARD.md.
MODEL ?= full
MODEL_FEATURES := $(if $(filter open,$(MODEL)),--features open-model,)
PORT ?= 8080
HOST ?= 127.0.0.1

# Must equal the `wasm-bindgen = "=X"` pin in Cargo.toml (checked below).
WASM_BINDGEN_VERSION := 0.2.130
TOOLS := $(CURDIR)/.tools
WASM_BINDGEN := $(TOOLS)/bin/wasm-bindgen
WASM_OPT := node_modules/.bin/wasm-opt
WASM_TARGET := wasm32-unknown-unknown
WASM_RAW := target/$(WASM_TARGET)/release/lede.wasm
# -O3, but functions with one caller (and "lightweight" ones) are inlined only
# up to 20 instructions: binaryen's unlimited one-caller inlining built huge
# functions that V8 ran about 7 % slower (make bench, lede/wink 1.16-1.19x
# with plain -O3 against 1.23-1.28x, alternating runs; same size gzipped).
WASM_OPT_FLAGS := -O3 -ocimfs 20 -fimfs 20
PKG := www/pkg
# The JS package around the wasm glue (js/ → www/pkg/); its version is the crate's.
JS_SOURCES := $(wildcard js/*.js js/*.d.ts)
VERSION := $(shell sed -n 's/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -n 1)
RUST_SOURCES := $(shell find src models -name '*.rs' -o -name '*.bin' -o -name '*.txt' -o -name '*.lmod' 2>/dev/null) Cargo.toml

.PHONY: build serve test test-rust test-node test-browser lint setup setup-wasm wasm-target setup-node \
        setup-browser cli clean help train eval bench fuzz

help:
	@sed -n '2,13p' Makefile | sed 's/^# \{0,1\}//'

# ----- setup ---------------------------------------------------------------

setup: setup-wasm setup-node

setup-wasm: wasm-target $(WASM_BINDGEN)

# The Rust wasm target (lint checks the library for it too).
wasm-target:
	@rustup target list --installed 2>/dev/null | grep -qx $(WASM_TARGET) \
	  || rustup target add $(WASM_TARGET)

$(WASM_BINDGEN):
	@grep -q 'wasm-bindgen = "=$(WASM_BINDGEN_VERSION)"' Cargo.toml \
	  || { echo "Makefile WASM_BINDGEN_VERSION differs from the Cargo.toml pin" >&2; exit 1; }
	@echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into $(TOOLS) (about 3 minutes, once)"
	cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root $(TOOLS)

setup-node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium and ChromeDriver for the browser tests (no browser downloads).
setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "Installing Debian chromium and chromium-driver"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; }

# ----- build ---------------------------------------------------------------

build: $(PKG)/package.json cli

cli:
	cargo build --release --bin lede $(MODEL_FEATURES)

$(PKG)/lede_bg.wasm: $(RUST_SOURCES) $(wildcard js/snippets/*.js) | setup
	cargo build --release --target $(WASM_TARGET) --lib $(MODEL_FEATURES)
	$(WASM_BINDGEN) --target web --out-dir $(PKG) $(WASM_RAW)
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(PKG)/lede_bg.wasm -o $(PKG)/lede_bg.wasm
	@printf 'wasm: %s bytes, %s bytes gzip -9\n' "$$(wc -c < $@)" "$$(gzip -9 -c $@ | wc -c)"

# The npm-style package: the glue plus js/ (ES modules and their types).
$(PKG)/package.json: $(PKG)/lede_bg.wasm $(JS_SOURCES) js/package.template.json Cargo.toml
	cp $(JS_SOURCES) $(PKG)/
	sed 's/@VERSION@/$(VERSION)/' js/package.template.json > $@
	@printf 'package: %s (%s files)\n' "lede@$(VERSION)" "$$(ls $(PKG) | wc -l)"

serve: build
	@echo "Serving Lede on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind $(HOST) --directory www

# ----- tests ---------------------------------------------------------------

test: lint test-rust test-node test-browser

lint: wasm-target
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) -- -D warnings

test-rust:
	cargo test

test-node: build
	node --test tests/node/

test-browser: build setup-browser
	node --test --test-concurrency=1 tests/browser/

# ----- model: train, evaluate, benchmark ------------------------------------

# Seeded and deterministic; a few minutes on 2 cores. Writes
# models/names-$(MODEL).lmod and prints dev scores (in-process) and a
# held-out UNER EWT estimate (UNER dev is training data). For the full
# model it then retrains models/attributions.lmod, whose training reads the
# names the newly embedded name model finds. Rewrites the committed files
# byte for byte (MODEL_CARD "Training").
train:
	cargo build --release --bin lede-train
	target/release/lede-train --model $(MODEL) --data $(DATA) --uner-folds 3
	$(if $(filter full,$(MODEL)),cargo build --release --bin lede-train && \
	  target/release/lede-train attributions --data $(DATA))

# Scores through the CLI (`lede --jsonl --offsets codepoints`), section by
# section, for both builds: the default one and MODEL=open (copied to
# target/release/lede-open).
eval:
	cargo build --release --bin lede --features open-model
	cp target/release/lede target/release/lede-open
	cargo build --release --bin lede --bin lede-eval
	target/release/lede-eval --data $(DATA) --open-lede target/release/lede-open

bench: build
	node bench/throughput.mjs $(DATA)
	bash bench/native.sh $(DATA)

# ----- fuzzing -----------------------------------------------------------

# cargo-fuzz (libFuzzer) on the nightly toolchain; a short run by default,
# FUZZ_SECONDS=3600 for a long one. The working corpus (fuzz/corpus/, ~21k
# small inputs) stays local; a sample of it (fuzz/regressions/) and any
# crash reproducer (fuzz/artifacts/) is committed and replayed by `cargo
# test` (tests/fuzz_corpus.rs). Safe Rust needs no AddressSanitizer: `-s none`
# runs about twice as many inputs per second.
CARGO_FUZZ := $(TOOLS)/bin/cargo-fuzz
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -max_len=4096 -timeout=10 -rss_limit_mb=4096

$(CARGO_FUZZ):
	cargo install cargo-fuzz --version 0.13.2 --root $(TOOLS)

fuzz: $(CARGO_FUZZ)
	@rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
	cd fuzz && PATH="$(TOOLS)/bin:$$PATH" cargo +nightly fuzz run -O -s none analyse -- \
	  -max_total_time=$$(( $(FUZZ_SECONDS) / 2 )) $(FUZZ_FLAGS)
	cd fuzz && PATH="$(TOOLS)/bin:$$PATH" cargo +nightly fuzz run -O -s none structured -- \
	  -max_total_time=$$(( $(FUZZ_SECONDS) / 2 )) $(FUZZ_FLAGS)

clean:
	cargo clean
	rm -rf $(PKG) test-output
