#!/usr/bin/env bash
# Publishes the edge agent for the Pi and for x64 Linux into OUT (default .smartpark/publish):
#   linux-arm64  self-contained, trimmed: the Raspberry Pi 4/5 (64-bit Raspberry Pi OS)
#   linux-x64    self-contained, trimmed: industrial x64 gateways, and the footprint benchmark
# Trimming warnings are reviewed, not ignored: any trim warning from an assembly not listed in
# REVIEWED fails the publish (see the note in src/EdgeAgent/SmartPark.EdgeAgent.csproj).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/.smartpark/publish}"
shift || true
RIDS=("$@")
[ ${#RIDS[@]} -gt 0 ] || RIDS=(linux-arm64 linux-x64)
REVIEWED='UnitsNet|System.Device.Gpio'

for rid in "${RIDS[@]}"; do
  dest="$OUT/edgeagent-$rid"
  log="$OUT/publish-$rid.log"
  mkdir -p "$OUT"
  rm -rf "$dest"
  echo "publish-agent: $rid → $dest" >&2
  if ! dotnet publish "$ROOT/src/EdgeAgent/SmartPark.EdgeAgent.csproj" -c Release -r "$rid" --self-contained \
      -p:PublishTrimmed=true -p:DebugType=none -o "$dest" -nologo -v quiet >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
  unexpected=$(grep -E 'warning IL[0-9]+' "$log" | grep -vE "Assembly '($REVIEWED)' produced trim warnings" | sort -u || true)
  if [ -n "$unexpected" ]; then
    echo "publish-agent: unreviewed trim warnings for $rid:" >&2
    echo "$unexpected" >&2
    exit 1
  fi
  cp "$ROOT/deploy/edgeagent/smartpark-edgeagent.service" "$ROOT/deploy/edgeagent/install.sh" "$dest/"
  size=$(du -sb "$dest" | cut -f1)
  echo "publish-agent: $rid: $(( size / 1024 / 1024 )) MiB in $(find "$dest" -type f | wc -l) files; reviewed trim warnings: $(grep -cE 'warning IL2104' "$log" || true)" >&2
done
