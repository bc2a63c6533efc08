#!/usr/bin/env bash
# Nightly incremental ingest, for cron: reads pipeline.yml from the repository root (or PIANI_CONFIG), ingests
# only the documents the catalog does not have yet, prints nothing unless an input is rejected or the run fails,
# and exits with piani ingest's code: 0 all good, 1 run failed, 2 configuration error, 3 some inputs rejected
# (see OUT/rejects.jsonl), 4 another run still holds the output folder.
#   crontab: 30 2 * * * /srv/piani/scripts/nightly.sh >> /var/log/piani-nightly.log 2>&1
# Extra arguments go to piani ingest (e.g. an inbox folder, --out DIR).
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${PIANI_BIN:-$(swift build -c release --show-bin-path 2>/dev/null)/piani}
if [ ! -x "$BIN" ]; then
  swift build -c release --product piani >/dev/null 2>&1 || { echo "nightly: cannot build piani" >&2; exit 1; }
fi
"$BIN" ingest --config "${PIANI_CONFIG:-pipeline.yml}" --quiet "$@"
status=$?
[ $status -eq 0 ] || echo "nightly: $(date -Iseconds) piani ingest exited with $status" >&2
exit $status
