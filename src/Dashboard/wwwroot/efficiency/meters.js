// Meter replacements of a park: pick a meter (a device sensor with a counting register), see the
// swaps recorded for it, record one (when, the old register's last reading, the new one's first)
// or delete one entered by mistake. Ingest recomputes the consumption across a recorded swap.
"use strict";

const m$ = (id) => document.getElementById(id);
const park = new URLSearchParams(location.search).get("park") ?? "";
const FIELDS = [
  { name: "replacedAt", kind: "datetime" },
  { name: "oldFinalReading", kind: "number" },
  { name: "newInitialReading", kind: "number" },
  { name: "note", kind: "text" },
];
let meters = [];
let form = null;
let canRecord = false;
const mt = (key, vars) => SP.t(`meterReplacements.${key}`, vars);
const base = () => `api/efficiency/parks/${encodeURIComponent(park)}/devices`;

// The chosen option is "device|sensor|quantity".
function chosen() {
  const [device, sensor, quantity] = m$("mr-meter").value.split("|");
  return { device, sensor, quantity };
}

async function list() {
  const { device, sensor, quantity } = chosen();
  const rows = await SP.json(`${base()}/${encodeURIComponent(device)}/meter-replacements`);
  m$("mr-table").querySelector("tbody").replaceChildren(...rows.filter((r) => r.sensorId === sensor && r.quantity === quantity).map((r) => {
    const del = canRecord ? elt("button", { type: "button", className: "mr-delete" }, mt("delete")) : null;
    if (del) {
      del.onclick = async () => {
        if (!confirm(mt("confirmDelete"))) return;
        const res = await EditForms.send("DELETE", `${base()}/${encodeURIComponent(device)}/meter-replacements/${r.id}`, {});
        if (res.status === 204 || res.status === 404) await list();
      };
    }
    return elt("tr", { dataset: { id: String(r.id) } },
      elt("td", { dataset: { label: mt("sensor") } }, `${r.sensorId} · ${SP.quantityTitle(r.quantity)}`),
      elt("td", { dataset: { label: mt("replacedAt") } }, EditForms.when(r.replacedAt)),
      elt("td", { className: "num", dataset: { label: mt("oldFinalReading") } }, String(r.oldFinalReading)),
      elt("td", { className: "num", dataset: { label: mt("newInitialReading") } }, String(r.newInitialReading)),
      elt("td", { dataset: { label: mt("note") } }, r.note ?? ""),
      elt("td", {}, del));
  }));
}

async function record(ev) {
  ev.preventDefault();
  form.clearErrors();
  const { device, sensor, quantity } = chosen();
  const values = form.read();
  const at = m$("mr-form").querySelector("input[name=replacedAt]").value;
  const body = { ...values, sensorId: sensor, quantity, replacedAt: at ? new Date(at).toISOString() : null };
  const r = await EditForms.send("POST", `${base()}/${encodeURIComponent(device)}/meter-replacements`, body);
  if (r.status === 201) { EditForms.status(m$("mr-status"), "saved", "meterReplacements.saved"); await list(); return; }
  if (r.status === 400 && r.body?.errors) {
    const rest = form.showErrors(r.body.errors);
    m$("mr-status").dataset.state = "failed";
    m$("mr-status").textContent = rest.length ? rest.map(EditForms.errorText).join("; ") : mt("invalid");
    return;
  }
  EditForms.status(m$("mr-status"), "failed", "meterReplacements.failed", { status: r.status });
}

(async () => {
  await SP.ready;
  const r = await fetch(`api/efficiency/parks/${encodeURIComponent(park)}/meters`);
  if (!r.ok) { m$("mr-load").textContent = mt("failed", { status: r.status }); return; }
  const view = await r.json();
  canRecord = view.canRecord;
  meters = view.meters;
  m$("mr-title").textContent = `${SP.lang === "en" && view.park.nameEn ? view.park.nameEn : view.park.nameZh} · ${mt("title")}`;
  for (const d of meters) {
    for (const s of d.sensors) {
      for (const q of s.quantities) m$("mr-meter").append(new Option(`${d.deviceId} / ${s.id} · ${SP.quantityTitle(q)}`, `${d.deviceId}|${s.id}|${q}`));
    }
  }
  if (m$("mr-meter").options.length === 0) { m$("mr-load").textContent = mt("noMeters"); m$("mr-table").hidden = true; return; }
  // The date-time input is the browser's own (local time, converted to UTC when sent).
  form = EditForms.build(m$("mr-form").querySelector(".fields"), FIELDS.filter((f) => f.kind !== "datetime"), "meterReplacements");
  const at = elt("input", { type: "datetime-local", name: "replacedAt", required: true });
  m$("mr-form").querySelector(".fields").prepend(elt("label", {}, mt("replacedAt"), at));
  m$("mr-record").hidden = !canRecord;
  m$("mr-form").onsubmit = record;
  m$("mr-meter").onchange = list;
  await list();
  m$("mr-table").dataset.loaded = "1";
})();
