#!/usr/bin/env bash
# wp-env's afterStart hook (see wp-env.json): the same shop set-up as the local stack, then .stack/env
# for the Playwright suite. The companion service runs on the host (`npm start`), not in Docker.
set -euo pipefail
# The stack's shared settings: the shop's name, SHOP_NAME (the service must run with WEB_SHOP set to it).
source "$(dirname "$0")/../stack/lib.sh"
cd "$ROOT"
SERVICE_URL=${KALAS_SERVICE_URL:-http://127.0.0.1:8787}
# WordPress runs in a container: it reaches the host's service through Docker's host alias.
SERVICE_URL_FOR_SHOP=${KALAS_SERVICE_URL_FOR_SHOP:-http://host.docker.internal:8787}

wp() { npx wp-env run cli wp "$@"; }
wp plugin activate woocommerce kalas-iris
# configure.php (e2e/stack/php, mapped into wp-content/kalas-e2e) prints KALAS_* credential lines.
CREDENTIALS=$(wp eval-file wp-content/kalas-e2e/configure.php | grep '^KALAS_')

curl -fsS "$SERVICE_URL/v1/health/ready" >/dev/null \
  || { echo "[wp-env] the companion service does not answer at $SERVICE_URL: start it with 'npm start' first" >&2; exit 1; }
KEY=$(node service/bin/kalas-iris.js keys create --shop "$SHOP_NAME" | tail -n 1)

mkdir -p .stack
{
  echo "KALAS_BASE_URL=http://localhost:8888"
  echo "KALAS_ADMIN_USER=admin"
  echo "KALAS_ADMIN_PASSWORD=password"
  echo "$CREDENTIALS"
  echo "KALAS_SERVICE_URL=$SERVICE_URL"
  echo "KALAS_SERVICE_URL_FOR_SHOP=$SERVICE_URL_FOR_SHOP"
  echo "KALAS_SERVICE_KEY=$KEY"
} > .stack/env
echo "[wp-env] wrote .stack/env; run: npm run test:e2e"
