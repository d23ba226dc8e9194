#!/bin/sh
# PostgreSQL backups to the object store.
#   backup.sh schedule   (the container's default) one backup every day at BACKUP_AT (UTC, HH:MM)
#   backup.sh now        one backup, then exit
# Each backup is `pg_dump | gzip` uploaded as postgres/zyntra-<UTC time>.sql.gz into BACKUP_BUCKET;
# it is uploaded under a .partial name and renamed only when pg_dump succeeded. Backups older
# than BACKUP_KEEP_DAYS days are removed after each successful one. Restore: restore.sh.
# busybox sh (the image's /bin/sh) has pipefail.
# shellcheck disable=SC3040
set -eu
set -o pipefail

: "${BACKUP_BUCKET:=zyntra-backups}" "${BACKUP_AT:=03:00}" "${BACKUP_KEEP_DAYS:=14}"
: "${BACKUP_S3_ENDPOINT:?}" "${BACKUP_S3_ACCESS_KEY_ID:?}" "${BACKUP_S3_SECRET_ACCESS_KEY:?}"

log() { echo "[backup] $(date -u +%Y-%m-%dT%H:%M:%SZ) $*"; }

store() {
  mc alias set store "$BACKUP_S3_ENDPOINT" "$BACKUP_S3_ACCESS_KEY_ID" "$BACKUP_S3_SECRET_ACCESS_KEY" >/dev/null
  mc mb --ignore-existing "store/$BACKUP_BUCKET" >/dev/null
}

backup_now() {
  name="postgres/zyntra-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
  target="store/$BACKUP_BUCKET/$name"
  log "dumping $PGDATABASE to $BACKUP_BUCKET/$name"
  if ! pg_dump --no-owner --no-privileges --clean --if-exists | gzip -6 | mc pipe --quiet "$target.partial" >/dev/null; then
    mc rm --quiet "$target.partial" >/dev/null 2>&1 || true
    log "FAILED: pg_dump or the upload failed; no backup was kept"
    return 1
  fi
  mc mv --quiet "$target.partial" "$target" >/dev/null
  mc rm --recursive --force --older-than "${BACKUP_KEEP_DAYS}d" "store/$BACKUP_BUCKET/postgres/" >/dev/null 2>&1 || true
  log "done: $name ($(mc stat --json "$target" | sed -n 's/.*"size":\([0-9]*\).*/\1/p') bytes)"
}

seconds_until() {
  now=$(date -u +%s)
  next=$(date -u -d "$(date -u +%Y-%m-%d) $1:00" +%s)
  [ "$next" -gt "$now" ] || next=$((next + 86400))
  echo $((next - now))
}

store
case "${1:-schedule}" in
  now) backup_now ;;
  schedule)
    log "daily backups at $BACKUP_AT UTC into $BACKUP_BUCKET, kept $BACKUP_KEEP_DAYS days"
    while true; do
      sleep "$(seconds_until "$BACKUP_AT")"
      backup_now || true
    done
    ;;
  *) echo "usage: backup.sh [schedule|now]" >&2; exit 2 ;;
esac
