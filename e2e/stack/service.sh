#!/usr/bin/env bash
# Starts or stops only the companion service of the stack: `service.sh start|stop|status`.
# The resilience and fallback flows use it to take the service away and bring it back.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$RUN_DIR" "$LOG_DIR" "$SERVICE_DATA"

case "${1:-}" in
  start)
    [ -f "$ROOT/service/bin/kalas-iris.js" ] || die "service/bin/kalas-iris.js not found"
    if ! pid_alive service; then
      log "starting the companion service on $SERVICE_URL"
      # The shop is on 127.0.0.1, so the service must be allowed to fetch its images from there.
      # One shop, one key: the per-key limit (20/s by default) is raised because flows delete and
      # seed 200 products at once, and the plugin's retries after a 429 wait a full backoff (60 s+).
      # KALAS_MODEL_PACK: another pack, for the flow that updates the model under a running shop.
      # WEB_SHOP: the public try-it page corrects the shop's annotations (flow 11 reviews them).
      start_bg service "$LOG_DIR/service.log" env HOST=127.0.0.1 PORT="$SERVICE_PORT" DATA_DIR="$SERVICE_DATA" \
        WEB_SHOP="$SHOP_NAME" ALLOW_PRIVATE_IMAGE_URLS=true RATE_LIMIT_PER_SECOND="${KALAS_SERVICE_RATE_LIMIT:-200}" \
        ${KALAS_MODEL_PACK:+MODEL_PACK="$KALAS_MODEL_PACK"} \
        node "$ROOT/service/bin/kalas-iris.js" serve
    fi
    wait_for "companion service" "${KALAS_SERVICE_START_TIMEOUT:-120}" curl -fsS "$SERVICE_URL/v1/health/ready" \
      || die "the companion service did not become ready; see $LOG_DIR/service.log"
    ;;
  stop) stop_pid service ;;
  status) if pid_alive service; then echo running; else echo stopped; fi ;;
  *) die "usage: service.sh start|stop|status" ;;
esac
