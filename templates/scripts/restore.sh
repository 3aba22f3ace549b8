# shellcheck shell=sh
# vixens-ls start-up step 3: restore one database from its replica when it is missing.
# Arguments: DATABASE CONFIG [RESTORE-OPTION...]
# - a local copy exists: keep it, and keep its -wal (it may hold committed transactions);
# - a replica exists: restore it;
# - the bucket answers that no replica exists: start empty;
# - the bucket cannot be read (unreachable, wrong credentials, no such bucket): fail the pod. An empty
#   database must never be replicated over a backup that was only unreachable.
# RESTORE-OPTIONs are what the Litestream release adds to its restore, e.g. `-integrity-check full`
# (0.5.10 and later): a restored copy that fails the check fails the pod like an unreadable bucket does.
set -eu
db=$1
config=$2
shift 2
if [ -e "$db" ]; then
  echo "restore: $db exists; keeping the local database"
  exit 0
fi
stamp=$(date -u +%Y%m%dT%H%M%SZ)
# A -wal, -shm or -journal without its database cannot belong to the restored file, and SQLite would
# replay it onto it.
for file in "$db-wal" "$db-shm" "$db-journal"; do
  if [ -e "$file" ]; then
    mv -- "$file" "$file.orphan-$stamp"
    echo "restore: moved orphaned $file aside as $file.orphan-$stamp"
  fi
done
cleanup() {
  rm -f -- "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
}
trap cleanup EXIT
echo "restore: $db is missing; looking for its replica"
if ! litestream restore -config "$config" -if-replica-exists "$@" "$db"; then
  echo "restore: FAILED to read the replica of $db; not starting with an empty database" >&2
  exit 1
fi
if [ -e "$db" ]; then
  echo "restore: $db restored from its replica"
else
  echo "restore: no replica of $db exists yet; the application starts with a new database"
fi
