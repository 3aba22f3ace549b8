# shellcheck shell=sh
# vixens-ls start-up step 2: PRAGMA integrity_check (full) or quick_check (quick) on each declared database.
# Arguments: [full|quick] DATABASE... [full|quick] DATABASE...
# A depth word applies to the databases after it (database paths are absolute, so never "full" or "quick");
# without one the depth is full. quick_check skips the index-against-table comparison (docs/integrity-check.md).
# Healthy means the check printed exactly "ok". Anything else (error rows, "file is not a database") moves
# the database and its -wal/-shm/-journal aside, so the restore step brings it back from its replica.
# Matching "ok" anywhere would call "row 1 missing from index books_title" healthy.
set -u
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "check-integrity: sqlite3 is not in this image; refusing to judge any database" >&2
  exit 1
fi
stamp=$(date -u +%Y%m%dT%H%M%SZ)
pragma=integrity_check
for db in "$@"; do
  case "$db" in
    full) pragma=integrity_check; continue ;;
    quick) pragma=quick_check; continue ;;
  esac
  if [ ! -e "$db" ]; then
    echo "check-integrity: $db is absent; the restore step decides what to do"
    continue
  fi
  # Read-only: the check must not change what it judges. A writable connection checkpoints the -wal into
  # the database when it closes, so a corrupted file would swallow its -wal before being moved aside.
  result=$(sqlite3 -readonly "$db" "PRAGMA $pragma;" 2>&1)
  case "$result" in
    *"attempt to write a readonly database"*)
      # A hot rollback journal (a crash in the middle of a transaction) must be rolled back before the
      # database can be read, which only a writable connection does, as the app itself would on opening.
      result=$(sqlite3 "$db" "PRAGMA $pragma;" 2>&1)
      ;;
  esac
  case "$result" in
    ok)
      echo "check-integrity: $db is healthy (PRAGMA $pragma)"
      continue
      ;;
    *"database is locked"*|*"unable to open database"*|*"attempt to write a readonly database"*)
      # Not evidence of corruption: refuse to move a database we could not read.
      echo "check-integrity: cannot check $db: $result" >&2
      exit 1
      ;;
  esac
  echo "check-integrity: $db failed PRAGMA $pragma:" >&2
  printf '%s\n' "$result" | head -n 20 >&2
  for file in "$db" "$db-wal" "$db-shm" "$db-journal"; do
    if [ -e "$file" ]; then
      mv -- "$file" "$file.corrupt-$stamp"
    fi
  done
  echo "check-integrity: moved $db aside as $db.corrupt-$stamp; it will be restored from its replica"
done
