#!/usr/bin/env bash
# Runs the time-of-day tests under several process zones (TZ), since core, the sandbox and the popover read
# local time from the process: an hour change (New York, London), a half-hour offset (Kolkata), a half-hour
# change (Lord Howe) and a quarter-hour offset (Chatham). Each test pins its own clock (vi.setSystemTime), so
# a run never depends on the real date or hour. One vitest JSON report per zone: test-results/vitest-tz-*.json.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results

zones=(America/New_York Europe/London Asia/Kolkata Australia/Lord_Howe Pacific/Chatham)
files=(
  tests/unit/wall-clock.test.ts
  tests/unit/wall-clock-dst.test.ts
  tests/unit/wall-clock-paths.test.ts
  tests/unit/wall-clock-property.test.ts
  tests/unit/dates.test.ts
  tests/unit/account-style.test.ts
  tests/unit/intents.test.ts
)

# The report names, for test.sh's summary line: `scripts/time-zones.sh --reports`.
report() { echo "test-results/vitest-tz-${1//\//_}.json"; }
if [[ "${1:-}" == "--reports" ]]; then
  for zone in "${zones[@]}"; do report "$zone"; done
  exit 0
fi

status=0
for zone in "${zones[@]}"; do
  echo "-- TZ=$zone"
  TZ="$zone" npx vitest run "${files[@]}" --reporter=dot --reporter=json \
    --outputFile.json="$(report "$zone")" || status=1
done
exit $status
