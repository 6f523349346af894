// An inspection in the field, on a phone: pick the checklist and the enterprise, tap pass or fail
// on each item; a failed item takes a note and photos from the camera. Submitting records the
// inspection and raises one order per failed item; each item's photos then go to its order.
"use strict";

const i$ = (id) => document.getElementById(id);
let data = null;
const answers = new Map(); // item id → { passed, note input, file input }

function checklist() {
  return data.checklists.find((c) => String(c.id) === i$("rx-inspect").checklistId.value);
}

function renderItems() {
  answers.clear();
  const items = checklist()?.items ?? [];
  i$("rx-items").replaceChildren(...items.map((item) => {
    const note = elt("input", { name: `note-${item.id}`, maxLength: 1000, placeholder: SP.t("rectification.whatIsWrong") });
    const photos = elt("input", { type: "file", name: `photos-${item.id}`, accept: "image/*", capture: "environment", multiple: true });
    const detail = elt("div", { className: "rx-fail-detail", hidden: true }, note, elt("label", {}, SP.t("rectification.takePhoto"), photos));
    const li = elt("li", { className: "rx-item", dataset: { item: item.id } });
    const pass = elt("button", { type: "button", className: "rx-pass", ariaPressed: "false" }, "✓ " + SP.t("rectification.pass"));
    const fail = elt("button", { type: "button", className: "rx-fail", ariaPressed: "false" }, "✗ " + SP.t("rectification.fail"));
    const choose = (passed) => {
      answers.set(item.id, { passed, note, photos });
      li.dataset.answer = passed ? "pass" : "fail";
      pass.setAttribute("aria-pressed", String(passed));
      fail.setAttribute("aria-pressed", String(!passed));
      detail.hidden = passed;
    };
    pass.onclick = () => choose(true);
    fail.onclick = () => choose(false);
    const text = SP.lang === "en" ? item.textEn || item.textZh : item.textZh;
    li.append(elt("div", { className: "rx-meta" }, RX.badge("hazard", item.hazard, RX.hazard(item.hazard))), elt("span", {}, text),
      elt("div", { className: "rx-choice" }, pass, fail), detail);
    return li;
  }));
}

async function submit(ev) {
  ev.preventDefault();
  const form = i$("rx-inspect");
  const status = i$("rx-inspect-status");
  const list = [...answers.entries()].map(([item, a]) => ({ item, passed: a.passed, note: a.note.value || null }));
  const body = { checklistId: Number(form.checklistId.value), enterpriseId: form.enterpriseId.value, note: form.note.value || null, deadline: form.deadline.value || null, answers: list };
  const r = await EditForms.send("POST", RX.api("/inspections"), body);
  if (r.status !== 201) { status.dataset.state = "failed"; status.textContent = RX.problem(r); return; }
  // Each failed item's photos go to the order it raised.
  const failures = [];
  for (const raised of r.body.orders) {
    const files = [...answers.get(raised.item).photos.files];
    if (files.length === 0) continue;
    const up = await RX.upload(RX.api(`/orders/${raised.order}/steps`), { action: "evidence_added", note: null }, files);
    if (!up.ok) failures.push(RX.problem(up));
  }
  status.dataset.state = failures.length ? "failed" : "saved";
  status.textContent = failures.length ? failures.join("; ") : SP.t("rectification.inspectionSaved", { orders: String(r.body.orders.length) });
  i$("rx-raised").replaceChildren(...r.body.orders.map((o) => elt("li", {}, elt("a", { href: RX.page(`/rectification/${o.order}`), className: "rx-card" }, `#${o.order} · ${o.item}`))));
  form.reset();
  renderItems();
  i$("rx-inspection").dataset.saved = "1";
}

async function load() {
  data = await SP.json(RX.api("/checklists"));
  const form = i$("rx-inspect");
  i$("rx-no-checklist").hidden = data.checklists.length > 0 || !data.canManage;
  form.hidden = data.checklists.length === 0 || !data.canManage;
  form.checklistId.replaceChildren(...data.checklists.map((c) => new Option(SP.localName(c.nameZh, c.nameEn), String(c.id))));
  form.enterpriseId.replaceChildren(...data.enterprises.map((e) => new Option(SP.localName(e.nameZh, e.nameEn) || e.id, e.id)));
  form.deadline.value = new Date(Date.now() + 7 * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
  renderItems();
  i$("rx-inspection").dataset.loaded = "1";
}

(async () => {
  await SP.ready;
  i$("rx-back").href = RX.page("/rectification");
  i$("rx-inspect").checklistId.onchange = renderItems;
  i$("rx-inspect").onsubmit = submit;
  i$("rx-use-template").onclick = async () => {
    const r = await EditForms.send("POST", RX.api("/checklists"), data.template);
    if (r.status === 201) await load();
  };
  await load();
})();
