#!/usr/bin/env bash
# The whole test command (`npm test`): system packages, lint, types, build, security scan, unit + integration
# tests (with a real Secret Service for keytar), browser end-to-end tests, then one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
# Reports from an earlier run must not stand in for a step that failed before writing its own.
rm -f test-results/*.json

node scripts/system-packages/install.mjs
echo "== lint";       npm run --silent lint
echo "== typecheck";  npm run --silent typecheck
echo "== build";      npm run --silent build
echo "== security";   npm run --silent security

echo "== vitest (unit + integration, under a Secret Service session)"
status=0
# A fresh keyring each run (its own XDG_DATA_HOME), so a keyring left by another password can't be locked.
keyring_home=$(mktemp -d)
XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c '
  echo -n sheaf-test | gnome-keyring-daemon --unlock --replace --components=secrets >/dev/null 2>&1
  exec npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
' || status=$?
rm -rf "$keyring_home"

echo "== time zones (the time-of-day tests under several TZs, on a fixed clock)"
scripts/time-zones.sh || status=$?

echo "== fault simulation (the whole core on virtual time: fixed seeds and a few random ones; each replays)"
npx tsx tests/simulation/cli.ts --ci --report test-results/simulation.json || status=$?
# The same days across a clock change: New York falls back, Lord Howe goes back half an hour.
TZ=America/New_York FAULT_RUN_DAY=2026-10-31 npx tsx tests/simulation/cli.ts --seeds 2 --from 7 --verbose \
  --report test-results/simulation-new-york.json || status=$?
TZ=Australia/Lord_Howe FAULT_RUN_DAY=2026-04-04 npx tsx tests/simulation/cli.ts --seeds 2 --from 11 --verbose \
  --report test-results/simulation-lord-howe.json || status=$?

echo "== fault injection smoke test (real processes, real files, real SIGKILLs of the core)"
npx tsx tests/chaos/run.ts --report test-results/fault-injection.json || status=$?

echo "== playwright (browser preview in Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json || status=$?

echo "== playwright (_electron, where the Electron binary exists)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-electron.json \
  npx playwright test -c playwright.electron.config.ts --reporter=list,json || status=$?

# shellcheck disable=SC2046 # one report name per line, none with spaces
node scripts/test-summary.mjs test-results/vitest.json $(scripts/time-zones.sh --reports) \
  test-results/simulation.json test-results/simulation-new-york.json test-results/simulation-lord-howe.json \
  test-results/fault-injection.json \
  test-results/playwright.json test-results/playwright-electron.json || status=$?
exit $status
