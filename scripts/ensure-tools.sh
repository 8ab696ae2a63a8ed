#!/usr/bin/env bash
# Install what Lede's build and tests need, skipping what is already present at the right version.
#   scripts/ensure-tools.sh build     wasm target, Trunk, wasm-bindgen-cli, npm packages (wasm-opt)
#   scripts/ensure-tools.sh browser   Debian Chromium and ChromeDriver
#   scripts/ensure-tools.sh deny      cargo-deny (licence, ban and source checks)
# Idempotent: a warm machine prints one "ok" line per tool and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
DENY_VERSION=0.20.2
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '[tools] %s\n' "$*"; }

# The wasm-bindgen version the app is locked to; the CLI must match it exactly.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_build() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "ok: rust target wasm32-unknown-unknown"
  else
    say "installing rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  for component in rustfmt clippy; do
    if rustup component list --installed | grep -q "^$component"; then
      say "ok: rust component $component"
    else
      say "installing rust component $component"
      rustup component add "$component"
    fi
  done

  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "ok: trunk $TRUNK_VERSION"
  else
    say "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  local wb
  wb="$(locked_wasm_bindgen)"
  grep -q "wasm_bindgen = \"$wb\"" Trunk.toml || { echo "Trunk.toml [tools] wasm_bindgen must be \"$wb\" (Cargo.lock)"; exit 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wb" ]; then
    say "ok: wasm-bindgen-cli $wb"
  else
    say "installing wasm-bindgen-cli $wb (about 2 minutes)"
    # Not --locked: a locked dependency of the CLI is not served by every registry mirror.
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi

  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
     && [ -x node_modules/.bin/wasm-opt ]; then
    say "ok: npm packages"
  else
    say "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "ok: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  else
    say "installing Debian chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

ensure_deny() {
  if [ "$(cargo-deny --version 2>/dev/null)" = "cargo-deny $DENY_VERSION" ]; then
    say "ok: cargo-deny $DENY_VERSION"
  else
    say "installing cargo-deny $DENY_VERSION (about 10 minutes on 2 cores)"
    cargo install --locked cargo-deny --version "$DENY_VERSION"
  fi
}

for part in "${@:-build}"; do
  case "$part" in
    build) ensure_build ;;
    browser) ensure_browser ;;
    deny) ensure_deny ;;
    *) echo "usage: $0 [build] [browser] [deny]"; exit 2 ;;
  esac
done
