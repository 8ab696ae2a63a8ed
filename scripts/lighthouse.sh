#!/usr/bin/env bash
# `make lighthouse`: Lighthouse 12 (desktop and mobile presets) on dist/ served on loopback, in
# the machine's Chromium; prints each category's score. Lighthouse is installed on first use
# into target/lighthouse (not the project's package.json: the viewer never ships it).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run make dist first"; exit 1; }
tool=target/lighthouse
if [ ! -x "$tool/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tool"
  [ -f "$tool/package.json" ] || echo '{"private":true}' >"$tool/package.json"
  npm install --prefix "$tool" --no-audit --no-fund lighthouse@12.2.3 >/dev/null
fi
chrome="${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[ -n "$chrome" ] || { echo "no Chromium found (make browser installs it)"; exit 1; }
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
for preset in desktop mobile; do
  extra=()
  [ "$preset" = desktop ] && extra=(--preset=desktop)
  CHROME_PATH="$chrome" "$tool/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/" "${extra[@]}" \
    --only-categories=performance,accessibility,best-practices,seo --quiet --output=json --output-path="$tool/$preset.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"
  node -e "const r=require(process.argv[1]); console.log(process.argv[2].padEnd(8), Object.values(r.categories).map((c) => c.id + ' ' + Math.round(c.score * 100)).join(', '))" "$PWD/$tool/$preset.json" "$preset"
done
