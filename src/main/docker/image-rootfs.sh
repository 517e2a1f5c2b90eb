#!/usr/bin/env bash
# Stages the root filesystem of the operator's image (src/main/docker/Dockerfile.scratch) from the native executable:
# the executable, exactly the shared libraries it links (ldd: glibc, zlib, the dynamic loader) at the paths the loader
# looks in, the CA certificates, a non-root user (65532, "nonroot") in /etc/passwd and /etc/group, and an empty /tmp
# (the Deployment mounts the webhook certificate below it). Nothing is pulled: this is what `make image` builds from.
#   usage: image-rootfs.sh <runner> <output dir>
set -euo pipefail
runner=$1
out=$2
[ -x "$runner" ] || { echo "image-rootfs.sh: $runner is not an executable (make native first)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/work" "$out/etc/ssl/certs" "$out/tmp"
chmod 1777 "$out/tmp"
install -m 0755 "$runner" "$out/work/appmesh-operator"

# ldd lines: "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)", "/lib64/ld-linux-x86-64.so.2 (0x…)", and the
# kernel's "linux-vdso.so.1 (0x…)", which has no file.
ldd "$runner" | while read -r first second third _; do
  if [ "$second" = "=>" ]; then lib=$third; else lib=$first; fi
  case "$lib" in
    /*) mkdir -p "$out$(dirname "$lib")" && cp -L "$lib" "$out$lib" && echo "  $lib" ;;
  esac
done

certs=/etc/ssl/certs/ca-certificates.crt
[ -f "$certs" ] || { echo "image-rootfs.sh: $certs missing (apt-get install ca-certificates)" >&2; exit 1; }
install -m 0644 "$certs" "$out$certs"

printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
  > "$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
chmod 0644 "$out/etc/passwd" "$out/etc/group"
