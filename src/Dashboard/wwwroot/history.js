// History: any device's series over a chosen range (the server reads rollups beyond 6 h), as a
// chart and as CSV.
"use strict";

const h$ = (id) => document.getElementById(id);
let deviceViews = [];

const localInput = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

function seriesUrl(format) {
  const [enterprise, device] = h$("h-device").value.split("/");
  const q = new URLSearchParams({
    quantity: h$("h-quantity").value,
    from: new Date(h$("h-from").value).toISOString(),
    to: new Date(h$("h-to").value).toISOString(),
  });
  if (format) q.set("format", format);
  return `api/parks/${encodeURIComponent(h$("h-park").value)}/devices/${encodeURIComponent(enterprise)}/${encodeURIComponent(device)}/series?${q}`;
}

function fillQuantities() {
  const view = deviceViews.find((d) => `${d.enterprise}/${d.device}` === h$("h-device").value);
  const quantities = [...new Set((view?.readings ?? []).map((r) => r.quantity))];
  h$("h-quantity").replaceChildren(...quantities.map((q) => new Option(SP.quantityTitle(q), q)));
}

async function loadDevices() {
  deviceViews = (await SP.json(`api/parks/${encodeURIComponent(h$("h-park").value)}/devices`)).devices;
  h$("h-device").replaceChildren(...deviceViews.map((d) => new Option(`${d.enterprise} / ${d.device}`, `${d.enterprise}/${d.device}`)));
  fillQuantities();
}

async function show() {
  h$("h-csv").href = seriesUrl("csv");
  let data;
  try { data = await SP.json(seriesUrl()); } catch { h$("h-summary").textContent = SP.t("history.unavailable", { status: "" }); return; }
  SPChart.line(h$("h-chart"), data.points, { label: SP.quantityTitle(data.quantity), unit: data.unit });
  h$("h-summary").textContent = SP.t("history.rangeSummary", { n: data.points.length, resolution: SP.t("resolution." + data.resolution) });
}

(async () => {
  await SP.ready;
  const parks = await SP.json("api/parks");
  h$("h-park").replaceChildren(...parks.map((p) => new Option(p, p)));
  const now = new Date();
  h$("h-to").value = localInput(now);
  h$("h-from").value = localInput(new Date(now.getTime() - 3600_000));
  h$("h-park").onchange = loadDevices;
  h$("h-device").onchange = fillQuantities;
  h$("series-form").onsubmit = (e) => { e.preventDefault(); show(); };
  if (parks.length) await loadDevices();
})();
