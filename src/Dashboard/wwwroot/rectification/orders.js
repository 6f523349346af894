// A park's rectification orders: overdue first (red), filters by state, enterprise and overdue,
// and a new order by hand or from an alert (alerts page: ?alert=ID&enterprise=E&hazard=H&text=…).
"use strict";

const o$ = (id) => document.getElementById(id);
let view = null;

function card(o) {
  const name = SP.localName(o.enterpriseNameZh, o.enterpriseNameEn) || o.enterpriseId;
  return elt("li", {},
    elt("a", { href: RX.page(`/rectification/${o.id}`), className: "rx-card", dataset: { overdue: String(o.overdue), state: o.state, id: String(o.id) } },
      elt("div", { className: "rx-meta" }, RX.badge("hazard", o.hazard, RX.hazard(o.hazard)), RX.badge("state", o.state, RX.state(o.state)), elt("strong", {}, name), `#${o.id}`),
      elt("p", { className: "rx-desc" }, o.description),
      elt("div", { className: "rx-meta" },
        elt("span", {}, SP.t("rectification.deadline") + " " + o.deadline),
        elt("span", { className: "rx-countdown", dataset: { overdue: String(o.overdue) } }, RX.countdown(o)),
        o.responsibleName ? elt("span", {}, o.responsibleName) : null)));
}

async function load() {
  const q = new URLSearchParams();
  if (o$("rx-filter-state").value) q.set("state", o$("rx-filter-state").value);
  if (o$("rx-filter-enterprise").value) q.set("enterprise", o$("rx-filter-enterprise").value);
  if (o$("rx-filter-overdue").checked) q.set("overdue", "true");
  view = await SP.json(RX.api(`/orders?${q}`));
  o$("rx-list").replaceChildren(...view.orders.map(card));
  o$("rx-empty").hidden = view.orders.length > 0;
  o$("rx-orders").dataset.loaded = "1";
}

function fillFilters() {
  o$("rx-filter-state").replaceChildren(new Option(SP.t("rectification.allStates"), ""), ...view.states.map((s) => new Option(RX.state(s), s)));
  o$("rx-filter-enterprise").replaceChildren(new Option(SP.t("rectification.allEnterprises"), ""),
    ...view.enterprises.map((e) => new Option(SP.localName(e.nameZh, e.nameEn) || e.id, e.id)));
}

function openCreate(prefill) {
  const form = o$("rx-create");
  form.hidden = false;
  form.enterpriseId.replaceChildren(...view.enterprises.map((e) => new Option(SP.localName(e.nameZh, e.nameEn) || e.id, e.id)));
  form.hazard.replaceChildren(...view.hazards.map((h) => new Option(RX.hazard(h), h)));
  const week = new Date(Date.now() + 7 * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
  form.deadline.value = week;
  if (prefill.enterprise) form.enterpriseId.value = prefill.enterprise;
  if (prefill.hazard) form.hazard.value = prefill.hazard;
  if (prefill.text) form.description.value = prefill.text;
  if (prefill.alert) {
    o$("rx-from-alert").hidden = false;
    o$("rx-from-alert").textContent = SP.t("rectification.fromAlert", { alert: prefill.alert });
  }
  const contact = () => {
    const e = view.enterprises.find((x) => x.id === form.enterpriseId.value);
    form.responsibleName.placeholder = e?.contactName ?? "";
    form.responsiblePhone.placeholder = e?.contactPhone ?? "";
  };
  form.enterpriseId.onchange = contact;
  contact();
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const body = {
      enterpriseId: form.enterpriseId.value, hazard: form.hazard.value, description: form.description.value,
      responsibleName: form.responsibleName.value || null, responsiblePhone: form.responsiblePhone.value || null,
      deadline: form.deadline.value || null, source: prefill.alert ? "alert" : "manual", alertId: prefill.alert ?? null,
    };
    const r = await EditForms.send("POST", RX.api("/orders"), body);
    const status = o$("rx-create-status");
    if (r.status === 201) { location.href = RX.page(`/rectification/${r.body.id}`); return; }
    status.dataset.state = "failed";
    status.textContent = RX.problem(r);
  };
}

(async () => {
  await SP.ready;
  o$("rx-inspection-link").href = RX.page("/inspection");
  o$("rx-park-link").href = RX.page("");
  await load();
  fillFilters();
  for (const id of ["rx-filter-state", "rx-filter-enterprise", "rx-filter-overdue"]) o$(id).onchange = load;
  const q = new URLSearchParams(location.search);
  if (view.canManage) {
    o$("rx-new").hidden = false;
    o$("rx-new").onclick = () => openCreate({});
    if (q.get("alert")) openCreate({ alert: q.get("alert"), enterprise: q.get("enterprise"), hazard: q.get("hazard"), text: q.get("text") });
  }
})();
