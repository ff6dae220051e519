#!/bin/sh
# Nightly media backup (README "Deploy" > "Backups").
# With S3_BUCKET: mirrors it to BACKUP_BUCKET with `aws s3 sync --delete`, so a file deleted by the
# service (a user's deletion, P18) leaves the mirror too; the backup bucket keeps what was overwritten or
# deleted as noncurrent versions for BACKUP_RETENTION_DAYS only. Set that up once:
#   aws s3api put-bucket-versioning --bucket "$BACKUP_BUCKET" --versioning-configuration Status=Enabled
#   aws s3api put-bucket-lifecycle-configuration --bucket "$BACKUP_BUCKET" --lifecycle-configuration \
#     '{"Rules":[{"ID":"minopa-retention","Status":"Enabled","Filter":{},"NoncurrentVersionExpiration":{"NoncurrentDays":30},"Expiration":{"ExpiredObjectDeleteMarker":true}}]}'
# Another provider: `rclone sync` between two remotes does the same; keep the same retention.
# Without S3_BUCKET (media in DATA_DIR/media): a dated tar.gz in BACKUP_DIR, older ones deleted after
# BACKUP_RETENTION_DAYS (30 by default, as the database dumps).
set -eu

RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-30}"
case "$RETENTION_DAYS" in
  '' | *[!0-9]*) echo "backup_retention_invalid: BACKUP_RETENTION_DAYS must be a whole number of days (got '$RETENTION_DAYS')" >&2; exit 2 ;;
esac

if [ -n "${S3_BUCKET:-}" ]; then
  : "${BACKUP_BUCKET:?BACKUP_BUCKET must name the second bucket (another region or provider) when S3_BUCKET is set}"
  if [ -n "${S3_ENDPOINT:-}" ]; then set -- --endpoint-url "$S3_ENDPOINT"; else set --; fi
  aws s3 sync "$@" --delete --only-show-errors "s3://$S3_BUCKET" "s3://$BACKUP_BUCKET"
  echo "mirrored s3://$S3_BUCKET to s3://$BACKUP_BUCKET"
  exit 0
fi

DATA_DIR="${DATA_DIR:-/var/lib/minopa}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/minopa/media}"
[ -d "$DATA_DIR/media" ] || { echo "media_dir_missing: no $DATA_DIR/media (set DATA_DIR, or S3_BUCKET and BACKUP_BUCKET)" >&2; exit 2; }
umask 077
mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
partial="$BACKUP_DIR/.media-$stamp.tar.gz.partial"
trap 'rm -f "$partial"' EXIT
tar -C "$DATA_DIR" -czf "$partial" media
mv "$partial" "$BACKUP_DIR/media-$stamp.tar.gz"
echo "backed up to $BACKUP_DIR/media-$stamp.tar.gz"
find "$BACKUP_DIR" -maxdepth 1 -name 'media-*.tar.gz' -type f -mtime +"$RETENTION_DAYS" -print -delete | sed 's/^/expired: /'
