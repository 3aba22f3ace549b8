# shellcheck shell=sh
# vixens-ls start-up step 4: delete each ephemeral (never backed up) database and its side files.
# Arguments: DATABASE...
# Exact paths only: a glob such as *.caches.db* also deletes files nobody declared.
set -eu
for db in "$@"; do
  for file in "$db" "$db-wal" "$db-shm" "$db-journal"; do
    if [ -e "$file" ]; then
      rm -f -- "$file"
      echo "cleanup-ephemeral: removed $file"
    fi
  done
done
