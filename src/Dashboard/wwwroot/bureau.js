// Bureau view: emission alerts across the officer's parks, by enterprise and pollutant, with each
// rule's standard and limit, how often it was exceeded, the worst value and whether one is open.
"use strict";

const b$ = (id) => document.getElementById(id);

async function loadExceedances() {
  const rows = await SP.json(`api/bureau/exceedances?days=${b$("b-days").value}`);
  const body = b$("exceedances").querySelector("tbody");
  body.replaceChildren();
  b$("b-empty").hidden = rows.length > 0;
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.dataset.enterprise = r.enterprise ?? "";
    tr.dataset.rule = r.ruleId;
    tr.dataset.open = r.openNow;
    const unit = r.unit ?? "";
    const cells = [r.park, r.enterprise ?? "—", r.quantity ? SP.quantityTitle(r.quantity) : "—", SP.ruleTitle(r.ruleId, r.rule), r.source ?? "—",
      r.limit == null ? "—" : `${r.limit} ${unit}`, String(r.raised), r.worst == null ? "—" : `${r.worst} ${unit}`,
      new Date(r.lastRaisedAt).toLocaleString(SP.lang), SP.t(r.openNow ? "common.yes" : "common.no")];
    for (const text of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    tr.children[6].className = "count";
    body.appendChild(tr);
  }
}

// Open bureau alerts that carry evidence curves (treatment equipment off during production, …), each
// with its chart: the officer sees the case without asking the park for data.
async function loadEvidence() {
  const alerts = (await SP.json("api/alerts")).filter((a) => a.bureau && SPEvidence.usable(a).length > 0)
    .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  const list = b$("b-evidence");
  list.replaceChildren();
  b$("b-evidence-empty").hidden = alerts.length > 0;
  for (const a of alerts) {
    const item = document.createElement("section");
    item.className = "evidence-alert";
    item.dataset.alertId = a.alertId;
    const title = document.createElement("h4");
    title.textContent = `${SP.ruleTitle(a.ruleId, a.rule)} · ${[a.park, a.enterprise].filter(Boolean).join(" / ")} · ${new Date(a.raisedAt).toLocaleString(SP.lang)}`;
    const figure = document.createElement("figure");
    figure.className = "evidence";
    item.append(title, figure);
    list.appendChild(item);
    SPEvidence.draw(figure, a);
  }
}

// Each list on its own: history (InfluxDB) being unavailable must not hide the open alerts' evidence.
const loadAll = () => Promise.allSettled([loadExceedances(), loadEvidence()]);
SP.onAlert(loadAll);
SP.onReconnected(loadAll);

(async () => {
  await SP.ready;
  b$("b-days").onchange = loadExceedances;
  await loadAll();
})();
