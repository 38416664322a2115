#!/usr/bin/env bash
# Browser tests of the try-it web app against the real service, in Debian's Chromium at a phone and a
# desktop viewport (see service/web/README.md). Called by scripts/test-all.sh; extra arguments go to Playwright.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/chromium ]; then
  echo "e2e/webapp: /usr/bin/chromium is missing; scripts/install-debian-deps.sh installs it (scripts/apt/webapp.txt)"
  exit 1
fi
exec npx playwright test -c e2e/webapp "$@"
