#!/usr/bin/env bash
# What .ci/run calls for the browser flows. With WordPress and WooCommerce sources on the machine
# (WP_SOURCE, WC_SOURCE: folders or zips) it starts the local stack, runs every flow and stops the
# stack; without them it prints one line saying the flows were not run, and why, and exits 3, which
# scripts/test-all.sh reports as SKIPPED (never as passed).
# A failing flow, or a stack that does not start, exits non-zero.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# This machine's default place for the sources (fetched outside the repository; see e2e/README.md).
WP_SOURCE=${WP_SOURCE:-/work/wp-src/wordpress}
WC_SOURCE=${WC_SOURCE:-/work/wp-src/woocommerce}
if [ ! -e "$WP_SOURCE" ] || [ ! -e "$WC_SOURCE" ]; then
  echo "e2e: the browser flows were NOT run (reported as skipped): no WordPress/WooCommerce sources (WP_SOURCE=$WP_SOURCE, WC_SOURCE=$WC_SOURCE not found); see e2e/README.md"
  exit 3
fi
export WP_SOURCE WC_SOURCE
# The flows create products from the shared datasets' photos; without them they would all skip.
SHARED=${KALAS_SHARED_DIR:-$ROOT/../shared}
if [ ! -f "$SHARED/datasets/fashion-products-224/labels.csv" ]; then
  echo "e2e: the browser flows were NOT run (reported as skipped): the product photos are missing ($SHARED/datasets/fashion-products-224; set KALAS_SHARED_DIR)"
  exit 3
fi

# The flows run on the plugin as a shop installs it: the package, not the working copy.
npm run package:plugin --silent || { echo "e2e: packaging the plugin failed" >&2; exit 1; }
KALAS_PLUGIN_ZIP="$ROOT/dist/kalas-iris-$(node -p 'require("./package.json").version').zip"
export KALAS_PLUGIN_ZIP
bash e2e/stack/up.sh || { echo "e2e: the local stack did not start; logs in .stack/logs/" >&2; bash e2e/stack/down.sh; exit 1; }
# With sources present the flows must run: a service that did not start is a failure, not a skip.
if ! grep -q '^KALAS_SERVICE_STATE=ready$' .stack/env; then
  echo "e2e: the companion service did not start; see .stack/logs/service.log" >&2
  bash e2e/stack/down.sh
  exit 1
fi
npm run test:e2e
status=$?
bash e2e/stack/down.sh
exit $status
