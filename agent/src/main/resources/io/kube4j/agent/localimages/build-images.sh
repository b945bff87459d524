#!/bin/bash
# build-images.sh OUT_DIR PAUSE_REF BUSYBOX_REF
# The two images kube4j's tests and demos run without a registry:
#   pause   - the static program in pause.c, entrypoint /pause
#   busybox - Debian's busybox-static (/bin/busybox) with a link per applet in /bin, cmd sh
# Needs gcc (static glibc), GNU tar and /bin/busybox from the busybox-static package.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$1; PAUSE_REF=$2; BUSYBOX_REF=$3
BUSYBOX=${BUSYBOX:-/bin/busybox}
umask 022
mkdir -p "$OUT"; W=$(mktemp -d); trap 'rm -rf "$W"' EXIT

mkdir -p "$W/pause"
gcc -static -O2 -s -o "$W/pause/pause" "$HERE/pause.c"
chmod 0755 "$W/pause" "$W/pause/pause"
bash "$HERE/build-oci.sh" "$W/pause" "$PAUSE_REF" "$OUT/pause-oci.tar" '["/pause"]' null

R=$W/busybox
mkdir -p "$R/bin" "$R/etc" "$R/root" "$R/tmp" "$R/proc" "$R/sys" "$R/dev" "$R/var/www" "$R/home"
install -m 0755 "$BUSYBOX" "$R/bin/busybox"
# one process for ~400 links (perl-base is essential in Debian): a fork per ln took seconds here
(cd "$R/bin" && "$BUSYBOX" --list | grep -vx busybox | sort | perl -lne 'symlink("busybox", $_) or die "$_: $!"')
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > "$R/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$R/etc/group"
find "$R" -type d -exec chmod 0755 {} +
chmod 0644 "$R/etc/passwd" "$R/etc/group"
chmod 1777 "$R/tmp"
chmod 0700 "$R/root"
bash "$HERE/build-oci.sh" "$R" "$BUSYBOX_REF" "$OUT/busybox-oci.tar" null '["sh"]'
