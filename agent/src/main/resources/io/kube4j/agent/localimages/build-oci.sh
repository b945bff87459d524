#!/bin/bash
# build-oci.sh ROOTFS_DIR IMAGE_REF OUT_TAR ENTRYPOINT_JSON CMD_JSON
# Writes an OCI image-layout tarball of one uncompressed layer, byte for byte the same on every run
# for the same rootfs: sorted entries, mtime 0, owner 0:0, fixed JSON. ctr images import reads it and
# names the image after the index's io.containerd.image.name annotation.
set -euo pipefail
ROOTFS=$1; REF=$2; OUT=$3; EP=${4:-null}; CMD=${5:-null}; TAG=${REF##*:}
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
mkdir -p "$W/blobs/sha256"
TAR=(tar --format=gnu --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner)
"${TAR[@]}" -C "$ROOTFS" -cf "$W/layer.tar" .
LD=$(sha256sum "$W/layer.tar" | cut -d' ' -f1); LS=$(stat -c %s "$W/layer.tar"); mv "$W/layer.tar" "$W/blobs/sha256/$LD"
# diff_id = layer digest because the layer is not compressed
printf '{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Entrypoint":%s,"Cmd":%s,"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"kube4j build-oci.sh"}]}' "$EP" "$CMD" "$LD" > "$W/config.json"
CD=$(sha256sum "$W/config.json" | cut -d' ' -f1); CS=$(stat -c %s "$W/config.json"); mv "$W/config.json" "$W/blobs/sha256/$CD"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%d}]}' "$CD" "$CS" "$LD" "$LS" > "$W/manifest.json"
MD=$(sha256sum "$W/manifest.json" | cut -d' ' -f1); MS=$(stat -c %s "$W/manifest.json"); mv "$W/manifest.json" "$W/blobs/sha256/$MD"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}' "$MD" "$MS" "$REF" "$TAG" > "$W/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' > "$W/oci-layout"
"${TAR[@]}" -C "$W" -cf "$OUT" oci-layout index.json blobs
echo "$REF manifest sha256:$MD config sha256:$CD layer $LS bytes"
