# shellcheck shell=sh
# vixens-ls restore drill, step 2: check every restored database and count its rows.
# Arguments: DIRECTORY NAME...
# A restored database passes only when PRAGMA integrity_check prints exactly "ok"; then the row count of
# each of its tables is printed. Any failure fails the Job, after every database has been looked at.
set -u
set -f
dir=$1
shift
status=0
newline='
'
for name in "$@"; do
  db="$dir/$name.db"
  if [ ! -s "$db" ]; then
    echo "drill: FAILED: $name was not restored" >&2
    status=1
    continue
  fi
  result=$(sqlite3 -readonly "$db" 'PRAGMA integrity_check;' 2>&1)
  if [ "$result" != "ok" ]; then
    echo "drill: FAILED: the restored $name does not pass PRAGMA integrity_check:" >&2
    printf '%s\n' "$result" | head -n 20 >&2
    status=1
    continue
  fi
  echo "drill: $name passes PRAGMA integrity_check"
  if ! tables=$(sqlite3 -readonly "$db" "SELECT name FROM sqlite_schema WHERE type = 'table'
      AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE '\_litestream\_%' ESCAPE '\'
      ORDER BY name;" 2>&1); then
    echo "drill: FAILED: cannot list the tables of $name: $tables" >&2
    status=1
    continue
  fi
  IFS=$newline
  for table in $tables; do
    unset IFS
    quoted=$(printf '%s' "$table" | sed 's/"/""/g')
    if count=$(sqlite3 -readonly "$db" "SELECT count(*) FROM \"$quoted\";" 2>&1); then
      echo "drill: $name: table $table: $count rows"
    else
      echo "drill: FAILED: cannot count the rows of $name table $table: $count" >&2
      status=1
    fi
    IFS=$newline
  done
  unset IFS
done
if [ "$status" -eq 0 ]; then
  echo "drill: every database was restored and is healthy"
else
  echo "drill: FAILED: see the messages above" >&2
fi
exit "$status"
