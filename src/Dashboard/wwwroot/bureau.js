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

SP.onAlert(() => loadExceedances());
SP.onReconnected(loadExceedances);

(async () => {
  await SP.ready;
  b$("b-days").onchange = loadExceedances;
  await loadExceedances();
})();
