#!/usr/bin/env bash
# Runs due WP-Cron events and Action Scheduler jobs every few seconds, like a shop's system cron.
# Started and stopped (by pid) by up.sh / down.sh.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
interval=${KALAS_JOB_INTERVAL:-2}
while :; do
  curl -fsS -m 60 -o /dev/null "$BASE_URL/wp-cron.php?doing_wp_cron" || echo "$(date -u +%FT%TZ) wp-cron.php failed"
  wp_php queue-runner.php || echo "$(date -u +%FT%TZ) queue runner failed"
  sleep "$interval"
done
