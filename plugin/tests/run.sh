#!/usr/bin/env bash
# Runs the plugin's PHP checks: a syntax check of every PHP file, then the unit tests.
# Needs Debian's phpunit and php8.2-cli (scripts/apt/plugin.txt). Exits non-zero on any failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plugin=$(dirname "$here")

if ! command -v php >/dev/null || ! command -v phpunit >/dev/null; then
  echo "plugin tests: php or phpunit missing; run scripts/install-debian-deps.sh" >&2
  exit 1
fi

echo "plugin: php -l on every file"
find "$plugin" -name '*.php' -not -path '*/build/*' -print0 | xargs -0 -n1 php -l >/dev/null

cd "$here"
phpunit --configuration phpunit.xml "$@"
