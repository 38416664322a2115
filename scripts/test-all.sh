#!/usr/bin/env bash
# Runs every test suite. This is `npm test`, the README's test command, and what .ci/run calls.
# It installs what the suites need first (Debian packages through scripts/install-debian-deps.sh,
# npm packages when node_modules is missing), runs each suite, and prints one summary where a
# skipped suite says SKIPPED and why — never PASS.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-debian-deps.sh || { echo "could not install the Debian packages the tests need"; exit 1; }
[ -d node_modules ] || npm install --no-audit --no-fund || exit 1

results=()
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Tests a runner skipped (a missing dataset, say) are named in the summary, so a suite that passed
# with some tests skipped never reads as a plain PASS. Runners print "N skipped" (vitest, jest, Playwright).
skipped_note() {
  local n
  n=$(grep -Eo '\b[0-9]+ skipped' "$log" | awk '$1 > m { m = $1 } END { print m + 0 }')
  [ "$n" -gt 0 ] && echo " — $n tests SKIPPED (see the suite's output above for why)"
}

run() {
  local name=$1
  shift
  echo
  echo "=== $name"
  "$@" 2>&1 | tee "$log"
  if [ "${PIPESTATUS[0]}" -eq 0 ]; then results+=("PASS     $name$(skipped_note)"); else results+=("FAIL     $name"); failed=1; fi
}

run "lint and format: eslint, prettier (one setup for every workspace)" npm run lint --silent
run "types: strict TypeScript in the service, web app and admin UI" bash -c "npx tsc --noEmit -p service && npx tsc --noEmit -p service/web/tsconfig.json && npm run typecheck -w admin-ui --silent"
run "service: unit, API, bad input, crash recovery, conversion, packs, WooCommerce contract (recorded 9.9.5 exchanges)" npm test -w service
[ -f service/web/vite.config.ts ] && run "web app: components and data" npm run test:web -w service
run "admin UI: store and components (jest)" npm test -w admin-ui
[ -f plugin/tests/run.sh ] && run "plugin: PHP unit tests" bash plugin/tests/run.sh
[ -f e2e/webapp/run.sh ] && run "web app: browser tests (Chromium)" bash e2e/webapp/run.sh
# The WordPress flows need WordPress and WooCommerce sources (WP_SOURCE, WC_SOURCE); run-ci.sh
# prints one line and exits 3 when they are missing, which is reported as SKIPPED.
echo
echo "=== e2e: WordPress + WooCommerce browser flows"
bash e2e/run-ci.sh 2>&1 | tee "$log"
case ${PIPESTATUS[0]} in
  0) results+=("PASS     e2e: WordPress + WooCommerce browser flows$(skipped_note)") ;;
  3) results+=("SKIPPED  e2e: WordPress + WooCommerce browser flows ($(grep -m1 '^e2e: ' "$log" | sed 's/^e2e: //'))") ;;
  *) results+=("FAIL     e2e: WordPress + WooCommerce browser flows"); failed=1 ;;
esac

echo
echo "=== summary"
printf '%s\n' "${results[@]}"
exit $failed
