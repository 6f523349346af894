// Enterprise view: its devices (online/offline, last seen) and a live chart per sensor quantity,
// with the limits of the alert rules that apply to it (taken from its open alerts).
"use strict";

const e$ = (id) => document.getElementById(id);
const [, parkId, enterpriseId] = location.pathname.match(/^\/parks\/([^/]+)\/enterprises\/([^/]+)/).map(decodeURIComponent);
const devicesById = new Map();
const seriesByKey = new Map(); // "device/sensor/quantity" -> { points, unit, quantity, el }
let limitsByQuantity = new Map();

function renderDevices() {
  const body = e$("enterprise-devices").querySelector("tbody");
  body.replaceChildren();
  for (const d of [...devicesById.values()].sort((a, b) => a.device.localeCompare(b.device))) {
    const tr = document.createElement("tr");
    tr.dataset.device = d.device;
    tr.dataset.state = d.state;
    for (const text of [d.device, SP.t("device." + d.state), d.lastSeen ? new Date(d.lastSeen).toLocaleString(SP.lang) : "—"]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

function draw(key) {
  const s = seriesByKey.get(key);
  SPChart.line(s.el.querySelector(".chart"), s.points, { label: SP.t("quantity." + s.quantity), unit: s.unit, limits: limitsByQuantity.get(s.quantity) ?? [] });
}

async function ensureSeries(device, sensor, quantity, unit) {
  const key = `${device}/${sensor}/${quantity}`;
  if (seriesByKey.has(key)) return seriesByKey.get(key);
  const section = document.createElement("section");
  section.className = "quantity-chart";
  section.dataset.key = key;
  section.innerHTML = `<h3></h3><div class="chart"></div>`;
  section.querySelector("h3").textContent = `${device} / ${sensor} · ${SP.t("quantity." + quantity)} (${unit})`;
  e$("quantity-charts").appendChild(section);
  const s = { points: [], unit, quantity, el: section };
  seriesByKey.set(key, s);
  try {
    const data = await SP.json(`api/parks/${parkId}/devices/${enterpriseId}/${device}/history?quantity=${quantity}&sensor=${sensor}&minutes=60`);
    s.points = data.points.concat(s.points).sort((a, b) => a.ts.localeCompare(b.ts));
  } catch { /* history down: live points still draw */ }
  draw(key);
  return s;
}

async function loadLimits() {
  limitsByQuantity = new Map();
  const open = await SP.json(`api/alerts?park=${encodeURIComponent(parkId)}&enterprise=${encodeURIComponent(enterpriseId)}`);
  for (const a of open) {
    if (a.quantity == null || a.limit == null) continue;
    const list = limitsByQuantity.get(a.quantity) ?? [];
    if (!list.some((l) => l.value === a.limit)) list.push({ value: a.limit, label: a.source ? `${a.rule} (${a.source})` : a.rule });
    limitsByQuantity.set(a.quantity, list);
  }
}

async function load() {
  const snapshot = await SP.connection.invoke("JoinPark", parkId);
  devicesById.clear();
  for (const d of snapshot.devices.filter((d) => d.enterprise === enterpriseId)) devicesById.set(d.device, d);
  renderDevices();
  await loadLimits();
  for (const d of devicesById.values()) for (const r of d.readings) await ensureSeries(d.device, r.sensor, r.quantity, r.unit);
  for (const key of seriesByKey.keys()) draw(key);
  const overview = await SP.json(`api/parks/${encodeURIComponent(parkId)}/overview`);
  const tile = overview.tiles.find((t) => t.enterprise === enterpriseId);
  e$("enterprise-title").textContent = tile ? `${tile.name} (${enterpriseId})` : enterpriseId;
  e$("enterprise-status").textContent = tile ? SP.t("status." + tile.status) : "";
  e$("enterprise-status").dataset.status = tile?.status ?? "";
}

SP.connection.on("readings", async (u) => {
  if (u.park !== parkId || u.enterprise !== enterpriseId) return;
  const d = devicesById.get(u.device) ?? { park: u.park, enterprise: u.enterprise, device: u.device, readings: [] };
  d.state = "online";
  d.lastSeen = u.receivedAt;
  devicesById.set(u.device, d);
  renderDevices();
  for (const r of u.readings) {
    const s = await ensureSeries(u.device, r.sensor, r.quantity, r.unit);
    if (!s.points.some((p) => p.ts === r.ts)) s.points.push({ ts: r.ts, value: r.value, sensor: r.sensor });
    s.points.sort((a, b) => a.ts.localeCompare(b.ts));
    draw(`${u.device}/${r.sensor}/${r.quantity}`);
  }
});
SP.connection.on("status", (s) => {
  if (s.park !== parkId || s.enterprise !== enterpriseId) return;
  const d = devicesById.get(s.device) ?? { park: s.park, enterprise: s.enterprise, device: s.device, readings: [] };
  d.state = s.state;
  devicesById.set(s.device, d);
  renderDevices();
});
SP.onAlert(async () => { await loadLimits(); for (const key of seriesByKey.keys()) draw(key); });
SP.onReconnected(load);

(async () => { await SP.ready; await load(); })();
