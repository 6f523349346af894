// Enterprise view: its devices (online/offline, last seen) and a live chart per sensor quantity,
// with the limit lines of the alert rules in force for that device and sensor (the park's rule
// set, which Ingest retains on MQTT; open alerts' limits until it has arrived).
"use strict";

const e$ = (id) => document.getElementById(id);
const [, parkId, enterpriseId] = location.pathname.match(/^\/parks\/([^/]+)\/enterprises\/([^/]+)/).map(decodeURIComponent);
const devicesById = new Map();
const seriesByKey = new Map(); // "device/sensor/quantity" -> { points, unit, quantity, el }
let ruleLimits = []; // RuleLimit entries of the park's rules that apply to this enterprise
let openAlertLimits = [];

// A rule's sensor pattern: comma-separated exact ids or prefixes ending in "*".
function sensorMatches(pattern, sensor) {
  return pattern.split(",").map((p) => p.trim()).filter((p) => p).some((p) => (p.endsWith("*") ? sensor.startsWith(p.slice(0, -1)) : sensor === p));
}

// The standard's code ("DB44/2367-2022") names the source on a chart; the clause is in the rule's details.
const withSource = (title, source) => (source ? `${title} (${source.split(/[\s:]/)[0]})` : title);

// The limits drawn on one chart: per rule, its most specific version (device, enterprise, park)
// that watches this sensor and compares this quantity against a limit.
function limitsFor(device, sensor, quantity) {
  const rank = (r) => (r.device ? 2 : r.enterprise ? 1 : 0);
  const best = new Map();
  for (const r of ruleLimits) {
    if (r.quantity !== quantity || r.limit == null || (r.device && r.device !== device)) continue;
    if (r.sensors && !sensorMatches(r.sensors, sensor)) continue;
    if (r.exceptSensors && sensorMatches(r.exceptSensors, sensor)) continue;
    if (!best.has(r.ruleId) || rank(r) > rank(best.get(r.ruleId))) best.set(r.ruleId, r);
  }
  const lines = [...best.values()].map((r) => ({ value: r.limit, label: withSource(SP.ruleTitle(r.ruleId, r.title), r.source) }));
  if (lines.length > 0) return lines;
  return openAlertLimits.filter((a) => a.quantity === quantity && a.device === device && a.sensor === sensor)
    .map((a) => ({ value: a.limit, label: withSource(SP.ruleTitle(a.ruleId, a.rule), a.source) }));
}

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
  SPChart.line(s.el.querySelector(".chart"), s.points, { label: SP.quantityTitle(s.quantity), unit: s.unit, limits: limitsFor(s.device, s.sensor, s.quantity) });
}

// Charts sit in groups by the catalogue's kind: air and flue gas (concentrations, converted values
// and rates), wastewater, the process conditions they are judged with (O2, flow, temperature…), safety
// (fire and gas detectors, residual current, cable temperature, fire water), other.
const GROUPS = ["emission", "water", "process", "safety", "other"];
const groupTitle = (g) => ({ emission: SP.t("enterprise.group.emission"), water: SP.t("enterprise.group.water"),
  process: SP.t("enterprise.group.process"), safety: SP.t("enterprise.group.safety"), other: SP.t("enterprise.group.other") }[g]);

function groupOf(quantity) {
  const kind = SP.quantity(quantity)?.kind;
  const group = GROUPS.includes(kind) ? kind : "other";
  let el = e$("quantity-charts").querySelector(`.quantity-group[data-group="${group}"]`);
  if (!el) {
    el = elt("section", { className: "quantity-group", dataset: { group } }, elt("h3", {}, groupTitle(group)));
    // Kept in the fixed order whichever group reports first.
    const after = [...e$("quantity-charts").children].find((c) => GROUPS.indexOf(c.dataset.group) > GROUPS.indexOf(group));
    e$("quantity-charts").insertBefore(el, after ?? null);
  }
  return el;
}

async function ensureSeries(device, sensor, quantity, unit) {
  const key = `${device}/${sensor}/${quantity}`;
  if (seriesByKey.has(key)) return seriesByKey.get(key);
  const section = elt("section", { className: "quantity-chart", dataset: { key } },
    elt("h3", {}, `${device} / ${sensor} · ${SP.quantityTitle(quantity)} (${unit})`), elt("div", { className: "chart" }));
  groupOf(quantity).appendChild(section);
  const s = { points: [], unit, quantity, device, sensor, el: section };
  seriesByKey.set(key, s);
  try {
    const q = new URLSearchParams({ quantity, sensor, minutes: "60" });
    const data = await SP.json(`api/parks/${encodeURIComponent(parkId)}/devices/${encodeURIComponent(enterpriseId)}/${encodeURIComponent(device)}/history?${q}`);
    s.points = data.points.concat(s.points).sort((a, b) => a.ts.localeCompare(b.ts));
  } catch { /* history down: live points still draw */ }
  draw(key);
  return s;
}

async function loadLimits() {
  const [rules, open] = await Promise.all([
    SP.json(`api/parks/${encodeURIComponent(parkId)}/rules?enterprise=${encodeURIComponent(enterpriseId)}`).catch(() => []),
    SP.json(`api/alerts?park=${encodeURIComponent(parkId)}&enterprise=${encodeURIComponent(enterpriseId)}`).catch(() => []),
  ]);
  ruleLimits = rules;
  openAlertLimits = open.filter((a) => a.quantity != null && a.limit != null);
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
  e$("enterprise-title").textContent = tile ? `${SP.localName(tile.name, tile.nameEn)} (${enterpriseId})` : enterpriseId;
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
