// Alerts view: open alerts (live, from the retained MQTT documents via SignalR), recent transitions
// (InfluxDB alert_event), filters, acknowledge with a comment, and one alert's timeline and values.
"use strict";

const $ = (id) => document.getElementById(id);
const open = new Map(); // alertId -> document
const SEVERITIES = ["critical", "warning", "info"];
const STATES = ["active", "acknowledged", "cleared"];
let isBureau = false; // a bureau officer acknowledges receipt; the park's operators handle alerts
let mayAcknowledge = true; // district and city officials follow alerts; the park's people acknowledge them

function filters() {
  return {
    park: $("f-park").value, enterprise: $("f-enterprise").value.trim(), kind: $("f-kind").value,
    severity: $("f-severity").value, state: $("f-state").value,
  };
}

function matches(a, f) {
  return (!f.park || a.park === f.park) && (!f.enterprise || a.enterprise === f.enterprise) && (!f.kind || a.kind === f.kind)
    && (!f.severity || a.severity === f.severity) && (!f.state || a.state === f.state);
}

const fmt = (iso) => (iso ? new Date(iso).toLocaleString(SP.lang) : "—");
const where = (a) => [a.park, a.enterprise, a.device, a.sensor].filter(Boolean).join(" / ");

function renderOpen() {
  const f = filters();
  const rows = [...open.values()].filter((a) => matches(a, f))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.raisedAt.localeCompare(a.raisedAt));
  const body = $("open-alerts").querySelector("tbody");
  body.replaceChildren();
  $("open-empty").hidden = rows.length > 0;
  for (const a of rows) {
    const tr = document.createElement("tr");
    tr.dataset.alertId = a.alertId;
    tr.dataset.severity = a.severity;
    tr.dataset.state = a.state;
    const cells = [SP.t("severity." + a.severity), SP.t("state." + a.state), SP.ruleTitle(a.ruleId, a.rule), where(a),
      a.value == null ? "—" : `${a.value} ${a.unit ?? ""}${a.limit == null ? "" : " / " + a.limit}`, fmt(a.raisedAt)];
    for (const text of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    tr.children[0].className = "sev sev-" + a.severity;
    const actions = document.createElement("td");
    const canAct = mayAcknowledge && (isBureau ? a.bureau && !a.bureauReceivedAt : a.state === "active");
    if (canAct) {
      const comment = document.createElement("input");
      comment.className = "ack-comment";
      comment.placeholder = SP.t("alerts.comment");
      comment.maxLength = 500;
      const ack = document.createElement("button");
      ack.className = isBureau ? "ack receipt" : "ack";
      ack.type = "button";
      ack.textContent = SP.t(isBureau ? "alerts.receipt" : "alerts.ack");
      ack.onclick = (e) => { e.stopPropagation(); acknowledge(a, comment.value, ack); };
      comment.onclick = (e) => e.stopPropagation();
      actions.append(comment, ack);
    } else {
      const done = [];
      if (a.acknowledgedBy) done.push(SP.t("alerts.ackedBy", { by: a.acknowledgedBy }));
      if (a.bureauReceivedBy) done.push(SP.t("alerts.receivedBy", { by: a.bureauReceivedBy }));
      actions.textContent = done.join(" · ");
    }
    if (canAct && a.bureauReceivedBy) actions.append(" " + SP.t("alerts.receivedBy", { by: a.bureauReceivedBy }));
    // A hazard found through an alert gets a rectification order (the park's operators issue it there).
    if (!isBureau && typeof RectificationFromAlert !== "undefined") {
      const order = RectificationFromAlert.link(a);
      if (order) actions.append(" ", order);
    }
    tr.appendChild(actions);
    tr.onclick = () => showDetail(a);
    body.appendChild(tr);
  }
}

async function acknowledge(alert, comment, button) {
  button.disabled = true;
  const af = await SP.antiforgery();
  const r = await fetch(`api/parks/${encodeURIComponent(alert.park)}/alerts/${encodeURIComponent(alert.alertId)}/ack`, {
    method: "POST", headers: { "Content-Type": "application/json", [af.header]: af.token }, body: JSON.stringify({ comment }),
  });
  button.textContent = r.ok ? SP.t("alerts.ackSent") : SP.t("alerts.ackFailed");
  button.dataset.result = r.ok ? "sent" : "failed";
  if (!r.ok) button.disabled = false;
}

async function loadOpen() {
  open.clear();
  for (const a of await SP.json("api/alerts")) open.set(a.alertId, a);
  renderOpen();
}

async function loadRecent() {
  const f = filters();
  const q = new URLSearchParams({ hours: "24" });
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const body = $("recent-alerts").querySelector("tbody");
  body.replaceChildren();
  let events = [];
  try { events = await SP.json(`api/alerts/recent?${q}`); } catch { body.replaceChildren(elt("tr", {}, elt("td", { colSpan: 6 }, SP.t("alerts.historyUnavailable")))); return; }
  for (const e of events) {
    const tr = document.createElement("tr");
    tr.dataset.alertId = e.alertId;
    for (const text of [fmt(e.at), SP.t("state." + e.state), SP.t("severity." + e.severity), SP.ruleTitle(e.rule, e.rule), where(e), e.by ?? ""]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    tr.onclick = () => showDetail({ ...e, alertId: e.alertId, raisedAt: e.at });
    body.appendChild(tr);
  }
}

async function showDetail(a) {
  $("alert-detail").hidden = false;
  // A transition from history carries no curves: the open alert's document does.
  SPEvidence.draw($("detail-evidence"), open.get(a.alertId) ?? a);
  shown = a.alertId;
  $("detail-title").textContent = `${SP.ruleTitle(a.ruleId, a.rule)} · ${where(a)}`;
  const list = $("timeline");
  list.replaceChildren();
  try {
    for (const e of await SP.json(`api/parks/${encodeURIComponent(a.park)}/alerts/${encodeURIComponent(a.alertId)}/timeline`)) {
      const li = document.createElement("li");
      li.dataset.state = e.state;
      li.textContent = `${fmt(e.at)} · ${SP.t("state." + e.state)}${e.by ? " · " + e.by : ""}${e.comment ? " · " + e.comment : ""}${e.value == null ? "" : " · " + e.value}`;
      list.appendChild(li);
    }
  } catch {
    list.replaceChildren(elt("li", {}, SP.t("alerts.historyUnavailable")));
  }
  drawValues(a);
}

// The alert's quantity on its device from half an hour before it was raised until now, with its limit.
async function drawValues(a) {
  const chart = $("detail-chart");
  SPChart.line(chart, []);
  $("detail-summary").textContent = "";
  if (!a.device || !a.quantity || !a.enterprise) return;
  const minutes = Math.min(2880, Math.max(60, Math.ceil((Date.now() - Date.parse(a.raisedAt)) / 60000) + 30));
  let data;
  try {
    const q = new URLSearchParams({ quantity: a.quantity, minutes: String(minutes) });
    if (a.sensor) q.set("sensor", a.sensor);
    data = await SP.json(`api/parks/${encodeURIComponent(a.park)}/devices/${encodeURIComponent(a.enterprise)}/${encodeURIComponent(a.device)}/history?${q}`);
  } catch { $("detail-summary").textContent = SP.t("alerts.historyUnavailable"); return; }
  const pts = data.points;
  if (pts.length === 0) { $("detail-summary").textContent = SP.t("history.none"); return; }
  SPChart.line(chart, pts, { label: SP.quantityTitle(a.quantity), unit: data.unit, limit: a.limit });
  const values = pts.map((p) => p.value);
  $("detail-summary").textContent = SP.t("history.summary", { n: pts.length, min: Math.min(...values), max: Math.max(...values), unit: data.unit });
}

function fillSelect(id, values, label) {
  const s = $(id);
  for (const v of values) s.appendChild(new Option(label ? label(v) : v, v));
}

let shown = null; // the alert whose detail is open, so its evidence follows updates
SP.onAlert((u) => {
  if (u.alert) open.set(u.alertId, u.alert); else open.delete(u.alertId);
  renderOpen();
  if (u.alert && shown === u.alertId) SPEvidence.draw($("detail-evidence"), u.alert);
});
// After a reconnect, updates may have been missed: read the whole state again.
SP.onReconnected(async () => { await loadOpen(); await loadRecent(); });

(async () => {
  const me = await SP.ready;
  isBureau = me?.role === "bureau";
  mayAcknowledge = me?.role !== "district" && me?.role !== "city" && me?.role !== "safety";
  const parks = await SP.json("api/parks");
  fillSelect("f-park", parks);
  // The kinds and their titles come from Ingest's list (api/alerts/kinds), not a copy here.
  const kinds = await SP.json("api/alerts/kinds").catch(() => []);
  const kindTitle = new Map(kinds.map((k) => [k.name, k.titles[SP.lang] ?? k.titles.en ?? k.name]));
  fillSelect("f-kind", [...kindTitle.keys()], (k) => kindTitle.get(k));
  fillSelect("f-severity", SEVERITIES, (s) => SP.t("severity." + s));
  fillSelect("f-state", STATES, (s) => SP.t("state." + s));
  for (const id of ["f-park", "f-kind", "f-severity", "f-state"]) $(id).onchange = () => { renderOpen(); loadRecent(); };
  $("f-enterprise").oninput = () => renderOpen();
  $("f-enterprise").onchange = () => loadRecent();
  await loadOpen();
  await loadRecent();
})();
