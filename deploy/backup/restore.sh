#!/bin/sh
# Restores a backup made by backup.sh into the database PG* points at.
#   restore.sh list              the backups in the bucket, oldest first
#   restore.sh latest            the newest backup
#   restore.sh <name>            e.g. zyntra-20261201T030000Z.sql.gz
# The dump was made with --clean --if-exists: restoring drops and recreates every table of the
# backup, so stop api and worker first (docker compose stop api worker). Runs in one transaction:
# on any error nothing changes.
# busybox sh (the image's /bin/sh) has pipefail.
# shellcheck disable=SC3040
set -eu
set -o pipefail

: "${BACKUP_BUCKET:=zyntra-backups}"
: "${BACKUP_S3_ENDPOINT:?}" "${BACKUP_S3_ACCESS_KEY_ID:?}" "${BACKUP_S3_SECRET_ACCESS_KEY:?}"
mc alias set store "$BACKUP_S3_ENDPOINT" "$BACKUP_S3_ACCESS_KEY_ID" "$BACKUP_S3_SECRET_ACCESS_KEY" >/dev/null

# Names sort by time (zyntra-YYYYMMDDTHHMMSSZ), so the last one is the newest.
# An empty bucket lists nothing (not an error: grep finding no line must not stop the script).
names() { mc ls "store/$BACKUP_BUCKET/postgres/" | awk '{print $NF}' | { grep '\.sql\.gz$' || true; } | sort; }

case "${1:-}" in
  list) names ;;
  "") echo "usage: restore.sh list | latest | <backup name>" >&2; exit 2 ;;
  *)
    name="$1"
    [ "$name" = latest ] && name=$(names | tail -n 1)
    [ -n "$name" ] || { echo "no backups in $BACKUP_BUCKET" >&2; exit 1; }
    echo "[restore] restoring $name into $PGDATABASE on $PGHOST"
    mc cat "store/$BACKUP_BUCKET/postgres/$name" | gunzip | psql --quiet --single-transaction -v ON_ERROR_STOP=1 >/dev/null
    echo "[restore] done: start the app again (docker compose up -d)"
    ;;
esac
