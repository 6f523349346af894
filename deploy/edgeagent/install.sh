#!/usr/bin/env bash
# Installs a published edge agent on a Raspberry Pi (or any systemd Linux). Run as root from the
# publish folder (./smartpark publish-agent, then copy edgeagent-linux-arm64/ to the Pi):
#   sudo ./install.sh [CONFIG]
# It creates the smartpark user, copies the agent to /opt/smartpark-edgeagent, puts CONFIG (or
# the sample) at /etc/smartpark/agent.json, checks it, and enables the service. Idempotent.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CONFIG="${1:-}"
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
[ -x "$HERE/SmartPark.EdgeAgent" ] || { echo "install.sh: run it from the published agent folder (SmartPark.EdgeAgent not found in $HERE)" >&2; exit 1; }

# Device groups may not exist on a non-Pi system; create them so the unit's SupplementaryGroups resolve.
for group in gpio i2c spi dialout; do getent group "$group" >/dev/null || groupadd --system "$group"; done
id smartpark >/dev/null 2>&1 || useradd --system --home-dir /var/lib/smartpark-edgeagent --shell /usr/sbin/nologin smartpark
usermod -aG gpio,i2c,spi,dialout smartpark

install -d -m 0755 /opt/smartpark-edgeagent
cp -a "$HERE"/. /opt/smartpark-edgeagent/
chown -R root:root /opt/smartpark-edgeagent
ln -sf /opt/smartpark-edgeagent/SmartPark.EdgeAgent /usr/local/bin/edgeagent   # edgeagent check-config | probe

install -d -m 0750 -o root -g smartpark /etc/smartpark
if [ -n "$CONFIG" ]; then
  install -m 0640 -o root -g smartpark "$CONFIG" /etc/smartpark/agent.json
elif [ ! -f /etc/smartpark/agent.json ]; then
  install -m 0640 -o root -g smartpark "$HERE/agent.sample.json" /etc/smartpark/agent.json
  echo "install.sh: installed the sample configuration; edit /etc/smartpark/agent.json for this site" >&2
fi
[ -f /etc/smartpark/agent.env ] || install -m 0600 -o root -g root /dev/null /etc/smartpark/agent.env

/opt/smartpark-edgeagent/SmartPark.EdgeAgent check-config /etc/smartpark/agent.json
/opt/smartpark-edgeagent/SmartPark.EdgeAgent probe || true

install -m 0644 "$HERE/smartpark-edgeagent.service" /etc/systemd/system/smartpark-edgeagent.service
systemctl daemon-reload
systemctl enable --now smartpark-edgeagent.service
systemctl --no-pager status smartpark-edgeagent.service || true
echo "install.sh: done; logs: journalctl -u smartpark-edgeagent -f" >&2
