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
run() {
  local name=$1
  shift
  echo
  echo "=== $name"
  if "$@"; then results+=("PASS     $name"); else results+=("FAIL     $name"); failed=1; fi
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
bash e2e/run-ci.sh
case $? in
  0) results+=("PASS     e2e: WordPress + WooCommerce browser flows") ;;
  3) results+=("SKIPPED  e2e: WordPress + WooCommerce browser flows (no WP_SOURCE/WC_SOURCE: see e2e/README.md)") ;;
  *) results+=("FAIL     e2e: WordPress + WooCommerce browser flows"); failed=1 ;;
esac

echo
echo "=== summary"
printf '%s\n' "${results[@]}"
exit $failed
