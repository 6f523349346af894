// SmartPark live park page: joins the chosen park's SignalR group, shows each device's latest
// readings as they arrive, and draws a reading's last hour from InfluxDB when clicked.
"use strict";

const el = (id) => document.getElementById(id);
const devices = new Map(); // "enterprise/device" -> device view
let currentPark = null;

const connection = SP.connection;
// Not "t": signalr.min.js already declares a global t.
const tx = SP.t;

// After a reconnect the park group is gone and updates were missed: join again, take a fresh snapshot.
SP.onReconnected(async () => { if (currentPark) await joinPark(currentPark); });

connection.on("readings", (update) => {
  if (update.park !== currentPark) return;
  const key = `${update.enterprise}/${update.device}`;
  const view = devices.get(key) ?? { park: update.park, enterprise: update.enterprise, device: update.device, state: "online", readings: [] };
  const latest = new Map(view.readings.map((r) => [`${r.sensor}/${r.quantity}`, r]));
  for (const r of update.readings) {
    const k = `${r.sensor}/${r.quantity}`;
    const old = latest.get(k);
    if (!old || old.ts <= r.ts) latest.set(k, { ...r, fresh: true });
  }
  view.readings = [...latest.values()].sort((a, b) => (a.sensor + a.quantity).localeCompare(b.sensor + b.quantity));
  view.lastSeen = update.receivedAt;
  view.lastSeq = update.seq;
  view.state = "online";
  devices.set(key, view);
  render();
});

connection.on("status", (s) => {
  if (s.park !== currentPark) return;
  const key = `${s.enterprise}/${s.device}`;
  const view = devices.get(key) ?? { park: s.park, enterprise: s.enterprise, device: s.device, readings: [] };
  view.state = s.state;
  view.stateAt = s.at;
  devices.set(key, view);
  render();
});

async function joinPark(park) {
  const snapshot = await connection.invoke("JoinPark", park);
  devices.clear();
  for (const d of snapshot.devices) devices.set(`${d.enterprise}/${d.device}`, d);
  render();
}

async function choosePark(park) {
  if (currentPark && currentPark !== park) await connection.invoke("LeavePark", currentPark);
  currentPark = park;
  history.replaceState(null, "", `parks/${encodeURIComponent(park)}`);
  // The park's part of its district's efficiency evaluation (the server decides who may see it).
  Object.assign(el("efficiency-link"), { href: `efficiency/parks/${encodeURIComponent(park)}`, hidden: false });
  // Who is on duty (the roster lives in the park database; the page says so when there is none).
  Object.assign(el("duty-link"), { href: `supervision/parks/${encodeURIComponent(park)}/duty`, hidden: false });
  el("history").hidden = true;
  await joinPark(park);
  await Overview.load(park);
}

function formatTime(iso) {
  return iso ? new Date(iso).toLocaleTimeString(SP.lang) : "—";
}

function render() {
  const byEnterprise = new Map();
  for (const d of devices.values()) {
    if (!byEnterprise.has(d.enterprise)) byEnterprise.set(d.enterprise, []);
    byEnterprise.get(d.enterprise).push(d);
  }
  el("empty").hidden = devices.size > 0;
  const root = el("enterprises");
  root.replaceChildren();
  for (const enterprise of [...byEnterprise.keys()].sort()) {
    const section = document.createElement("section");
    section.className = "enterprise";
    section.dataset.enterprise = enterprise;
    const h = document.createElement("h2");
    h.textContent = enterprise;
    const table = elt("table", {}, elt("thead", {}, elt("tr", {},
      ...["park.device", "park.state", "park.lastSeen", "park.readings"].map((k) => elt("th", {}, tx(k))))));
    const body = document.createElement("tbody");
    for (const d of byEnterprise.get(enterprise).sort((a, b) => a.device.localeCompare(b.device))) {
      const tr = elt("tr", { dataset: { device: d.device } },
        elt("td", {}, d.device), elt("td", { className: `state-${d.state}` }, tx("device." + d.state)), elt("td", {}, formatTime(d.lastSeen)));
      const cell = document.createElement("td");
      for (const r of d.readings) {
        const span = document.createElement("span");
        span.className = "reading" + (r.fresh ? " fresh" : "");
        span.dataset.sensor = r.sensor;
        span.dataset.quantity = r.quantity;
        span.dataset.flag = r.flag;
        span.title = tx("park.readingTitle", { sensor: r.sensor, ts: new Date(r.ts).toLocaleString(SP.lang), flag: r.flag });
        span.append(elt("span", { className: "q" }, SP.quantityTitle(r.quantity)), " ", elt("span", { className: "v" }, r.value), " ", elt("span", { className: "u" }, r.unit));
        span.addEventListener("click", () => showHistory(d, r));
        cell.appendChild(span);
        r.fresh = false;
      }
      tr.appendChild(cell);
      body.appendChild(tr);
    }
    table.appendChild(body);
    section.append(h, table);
    root.appendChild(section);
  }
}

async function showHistory(device, reading) {
  const q = new URLSearchParams({ quantity: reading.quantity, sensor: reading.sensor, minutes: "60" });
  const url = `api/parks/${encodeURIComponent(device.park)}/devices/${encodeURIComponent(device.enterprise)}/${encodeURIComponent(device.device)}/history?${q}`;
  const response = await fetch(url);
  const section = el("history");
  section.hidden = false;
  el("history-title").textContent = tx("history.title", { where: `${device.enterprise} / ${device.device} / ${reading.sensor}`, quantity: SP.quantityTitle(reading.quantity), unit: reading.unit });
  if (!response.ok) {
    el("history-summary").textContent = tx("history.unavailable", { status: response.status });
    SPChart.line(el("history-chart"), []);
    return;
  }
  const data = await response.json();
  const pts = data.points;
  SPChart.line(el("history-chart"), pts, { label: SP.quantityTitle(reading.quantity), unit: data.unit });
  if (pts.length === 0) {
    el("history-summary").textContent = tx("history.none");
    return;
  }
  const values = pts.map((p) => p.value);
  const lo = Math.min(...values), hi = Math.max(...values);
  el("history-summary").textContent = tx("history.summary", { n: pts.length, min: lo, max: hi, unit: data.unit });
}

async function start() {
  await SP.ready;
  const parks = await (await fetch("api/parks")).json();
  const select = el("park");
  const fromPath = location.pathname.match(/^\/parks\/([^/]+)/);
  const wanted = fromPath ? decodeURIComponent(fromPath[1]) : new URLSearchParams(location.search).get("park");
  const options = wanted && !parks.includes(wanted) ? [wanted, ...parks] : parks;
  select.replaceChildren(...options.map((p) => new Option(p, p)));
  select.onchange = () => choosePark(select.value);
  const park = wanted ?? parks[0];
  if (park) {
    select.value = park;
    await choosePark(park);
  } else {
    el("empty").hidden = false;
  }
}

start();
