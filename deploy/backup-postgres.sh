#!/bin/sh
# Nightly PostgreSQL backup (README "Deploy" > "Backups"): pg_dump's custom format (compressed, restorable
# table by table with pg_restore), written under a temporary name and renamed once complete, then every
# dump older than BACKUP_RETENTION_DAYS deleted.
# Retention: backups hold personal data that the service deletes after the cooling-off period (P18), so
# they are kept no longer than needed to recover from a mistake: 30 days by default, then gone for good.
#
#   DATABASE_URL=postgres://… BACKUP_DIR=/var/backups/minopa/postgres deploy/backup-postgres.sh
# Restore: createdb minopa_restored && pg_restore --no-owner --dbname=minopa_restored <file.dump>
set -eu

: "${DATABASE_URL:?DATABASE_URL must name the database to back up}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/minopa/postgres}"
RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-30}"
case "$RETENTION_DAYS" in
  '' | *[!0-9]*) echo "backup_retention_invalid: BACKUP_RETENTION_DAYS must be a whole number of days (got '$RETENTION_DAYS')" >&2; exit 2 ;;
esac

umask 077
mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
partial="$BACKUP_DIR/.minopa-$stamp.dump.partial"
trap 'rm -f "$partial"' EXIT
pg_dump --format=custom --compress=6 --no-owner --no-acl --file="$partial" --dbname="$DATABASE_URL"
# A dump that pg_restore cannot list is no backup.
pg_restore --list "$partial" > /dev/null
mv "$partial" "$BACKUP_DIR/minopa-$stamp.dump"
echo "backed up to $BACKUP_DIR/minopa-$stamp.dump ($(du -h "$BACKUP_DIR/minopa-$stamp.dump" | cut -f1))"

find "$BACKUP_DIR" -maxdepth 1 -name 'minopa-*.dump' -type f -mtime +"$RETENTION_DAYS" -print -delete | sed 's/^/expired: /'
