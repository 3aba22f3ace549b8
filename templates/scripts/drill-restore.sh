# shellcheck shell=sh
# vixens-ls restore drill, step 1: restore every backed-up database from its replica into a scratch
# directory, and say how long each restore took.
# Arguments: DIRECTORY NAME DATABASE CONFIG [NAME DATABASE CONFIG]...
# Each database is restored to DIRECTORY/NAME.db with `litestream restore -o`, so the app's own volume is
# never touched. A missing replica is a failure here: a drill that finds no backup must fail loudly.
set -u
dir=$1
shift
status=0
while [ "$#" -ge 3 ]; do
  name=$1
  db=$2
  config=$3
  shift 3
  out="$dir/$name.db"
  start=$(date +%s)
  if litestream restore -config "$config" -o "$out" "$db" && [ -s "$out" ]; then
    end=$(date +%s)
    echo "drill: restored $db in $((end - start))s ($(wc -c <"$out" | tr -d ' ') bytes)"
  else
    echo "drill: FAILED to restore $db from its replica" >&2
    status=1
  fi
  rm -f -- "$out.tmp" "$out.tmp-wal" "$out.tmp-shm"
done
if [ "$#" -ne 0 ]; then
  echo "drill: FAILED: arguments must come in threes (NAME DATABASE CONFIG)" >&2
  status=1
fi
exit "$status"
