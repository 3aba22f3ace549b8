# shellcheck shell=sh
# vixens-ls start-up step 1: give the data volume to the uid/gid the app and Litestream run as.
# Arguments: UID GID DIRECTORY
set -eu
uid=$1
gid=$2
dir=$3
chown -R "$uid:$gid" "$dir"
echo "fix-permissions: $dir is owned by $uid:$gid"
