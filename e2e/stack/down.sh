#!/usr/bin/env bash
# Stops what up.sh started, each by the pid it recorded, and nothing else. Data stays in .stack/
# (pass --wipe to delete it too, for a fresh install next time).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# The suite reads .stack/env to find a running stack; without a stack it must skip, not fail.
rm -f "$STACK_DIR/env"
for name in jobs service php mariadb; do stop_pid "$name"; done
if [ "${1:-}" = "--wipe" ]; then
  log "deleting $STACK_DIR"
  rm -rf "$STACK_DIR"
fi
log "stopped"
