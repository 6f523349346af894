#!/usr/bin/env bash
# Publishes the edge agent NativeAOT for the Pi and for x64 Linux into OUT (default .smartpark/publish):
#   linux-arm64  the Raspberry Pi 4/5 (64-bit Raspberry Pi OS), cross-compiled here
#   linux-x64    industrial x64 gateways, and the footprint benchmark
# One native executable (no .NET runtime on the device, no JIT) plus SQLite's and the serial
# port's native libraries. Needs clang, and for arm64 Debian's aarch64 cross binutils and C
# library; they are installed (apt) when missing.
# Trim and AOT warnings are reviewed, not ignored: any from an assembly not listed in REVIEWED
# fails the publish (see the note in src/EdgeAgent/SmartPark.EdgeAgent.csproj).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/.smartpark/publish}"
shift || true
RIDS=("$@")
[ ${#RIDS[@]} -gt 0 ] || RIDS=(linux-arm64 linux-x64)
REVIEWED='UnitsNet|System.Device.Gpio'

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "publish-agent: need root to run: $*" >&2; exit 1; fi
}

# The native toolchain ILC links with: clang for the host, plus the arm64 cross linker and
# C runtime files when the target is the Pi.
ensure_toolchain() {
  local need=()
  command -v clang >/dev/null || need+=(clang)
  if [ "$1" = linux-arm64 ]; then
    command -v aarch64-linux-gnu-ld >/dev/null || need+=(binutils-aarch64-linux-gnu)
    [ -f /usr/aarch64-linux-gnu/lib/crt1.o ] || need+=(libc6-dev-arm64-cross)
    [ -d /usr/lib/gcc-cross/aarch64-linux-gnu/12 ] || need+=(libgcc-12-dev-arm64-cross)
  fi
  if [ ${#need[@]} -gt 0 ]; then
    echo "publish-agent: installing ${need[*]} (apt)" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

for rid in "${RIDS[@]}"; do
  ensure_toolchain "$rid"
  dest="$OUT/edgeagent-$rid"
  log="$OUT/publish-$rid.log"
  mkdir -p "$OUT"
  rm -rf "$dest"
  echo "publish-agent: $rid (NativeAOT) → $dest" >&2
  if ! dotnet publish "$ROOT/src/EdgeAgent/SmartPark.EdgeAgent.csproj" -c Release -r "$rid" \
      -p:DebugType=none -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false -o "$dest" -nologo -v quiet >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
  unexpected=$(grep -E 'warning IL[0-9]+' "$log" | grep -vE "Assembly '($REVIEWED)' produced (trim|AOT analysis) warnings" | sort -u || true)
  if [ -n "$unexpected" ]; then
    echo "publish-agent: unreviewed trim or AOT warnings for $rid:" >&2
    echo "$unexpected" >&2
    exit 1
  fi
  cp "$ROOT/deploy/edgeagent/smartpark-edgeagent.service" "$ROOT/deploy/edgeagent/install.sh" "$dest/"
  size=$(du -sb "$dest" | cut -f1)
  echo "publish-agent: $rid: $(( size / 1024 / 1024 )) MiB in $(find "$dest" -type f | wc -l) files; reviewed warnings: $(grep -cE 'warning IL(2104|3053)' "$log" || true)" >&2
done
