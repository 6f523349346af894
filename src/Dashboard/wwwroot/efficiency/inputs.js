// The efficiency evaluation's economic inputs: a district's (or one park's) enterprises with their
// figures for a year, edited in place by the district (a card per enterprise on a phone), each
// enterprise's supervision agreement, and the district's sheet import (check, then apply).
// The server decides who may read and write; the page only hides what it would refuse.
"use strict";

const ei$ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const FIGURES = [
  { name: "outputValue", step: "any" },
  { name: "valueAdded", step: "any" },
  { name: "revenue", step: "any" },
  { name: "taxPaid", step: "any" },
  { name: "employees", step: "1" },
  { name: "rdSpending", step: "any" },
];
const STANDINGS = ["graded", "new", "exempt"];
const AGREEMENT_FIELDS = [
  { name: "reference", kind: "text" },
  { name: "signedOn", kind: "date" },
  { name: "investmentMade", kind: "number" },
  { name: "investmentIntensityTarget", kind: "number" },
  { name: "outputPerMuTarget", kind: "number" },
  { name: "taxPerMuTarget", kind: "number" },
  { name: "energyPerOutputTarget", kind: "number" },
];
const state = { park: params.get("park"), district: params.get("district"), year: null, canEdit: false };
let agreementForm = null;
let agreementOf = null; // { park, enterprise, version }

const pick = (zh, en) => (SP.lang === "en" && en ? en : zh);
const num = (v) => (v == null ? "—" : Number(v).toLocaleString(SP.lang === "en" ? "en-GB" : "zh-CN", { maximumFractionDigits: 4 }));
const say = (key, vars) => SP.t(`efficiencyInputs.${key}`, vars);

function listUrl() {
  return state.park
    ? `api/efficiency/parks/${encodeURIComponent(state.park)}/economics/${state.year}`
    : `api/efficiency/districts/${encodeURIComponent(state.district)}/economics/${state.year}`;
}

function header() {
  const cols = [...(state.park ? [] : ["park"]), "enterprise", "industry", "landAreaMu", ...FIGURES.map((f) => f.name), "standing", ""];
  ei$("ei-table").querySelector("thead tr").replaceChildren(...cols.map((c) => elt("th", {}, c ? say(`col.${c}`) : "")));
}

function cell(label, ...children) {
  return elt("td", { dataset: { label } }, ...children);
}

function row(e) {
  const tr = elt("tr", { dataset: { park: e.parkId, enterprise: e.enterpriseId } });
  const inputs = new Map();
  const errors = new Map();
  if (!state.park) {
    const meters = elt("a", { href: `efficiency/meters.html?park=${encodeURIComponent(e.parkId)}` }, say("metersLink"));
    tr.append(cell(say("col.park"), elt("span", {}, pick(e.parkNameZh, e.parkNameEn), elt("br"), elt("small", {}, meters))));
  }
  tr.append(
    cell(say("col.enterprise"), elt("span", { className: "who" }, pick(e.nameZh, e.nameEn), elt("small", {}, e.creditCode ?? e.enterpriseId))),
    cell(say("col.industry"), e.industry),
    elt("td", { className: "num", dataset: { label: say("col.landAreaMu") } }, num(e.landAreaMu)));
  for (const f of FIGURES) {
    const td = elt("td", { className: "num", dataset: { label: say(`col.${f.name}`) } });
    if (state.canEdit) {
      const input = elt("input", { type: "number", min: "0", step: f.step, name: f.name, inputMode: "decimal" });
      input.setAttribute("aria-label", `${pick(e.nameZh, e.nameEn)} ${say(`col.${f.name}`)}`);
      const error = elt("span", { className: "field-error", hidden: true });
      inputs.set(f.name, input);
      errors.set(f.name, error);
      td.append(input, error);
    } else {
      td.append(num(e[f.name]));
    }
    tr.append(td);
  }
  const standingTd = cell(say("col.standing"));
  if (state.canEdit) {
    const select = elt("select", { name: "standing" }, ...STANDINGS.map((s) => new Option(say(`standing.${s}`), s)));
    inputs.set("standing", select);
    errors.set("standing", elt("span", { className: "field-error", hidden: true }));
    standingTd.append(select, errors.get("standing"));
  } else {
    standingTd.append(say(`standing.${e.standing}`));
  }
  tr.append(standingTd);
  const status = elt("span", { className: "ei-status", role: "status" });
  const actions = cell("", elt("button", { type: "button", className: "ei-agreement" }, say("agreementButton")));
  actions.firstChild.onclick = () => openAgreement(e);
  let version = e.version;
  const fill = (v) => {
    for (const [k, input] of inputs) input.value = v[k] == null ? "" : String(v[k]);
    version = v.version;
  };
  if (state.canEdit) {
    fill(e);
    const save = elt("button", { type: "button", className: "ei-save" }, say("save"));
    save.onclick = async () => {
      for (const [k, input] of inputs) { input.removeAttribute("aria-invalid"); errors.get(k).hidden = true; }
      const body = { version };
      for (const [k, input] of inputs) body[k] = k === "standing" ? input.value : input.value === "" ? null : Number(input.value);
      const url = `api/efficiency/parks/${encodeURIComponent(e.parkId)}/enterprises/${encodeURIComponent(e.enterpriseId)}/economics/${state.year}`;
      const r = await EditForms.send("PUT", url, body);
      if (r.ok) { fill(r.body); EditForms.status(status, "saved", "efficiencyInputs.saved"); return; }
      if (r.status === 409 && r.body) {
        fill(r.body.current);
        const by = r.body.changedBy;
        EditForms.status(status, "conflict", "efficiencyInputs.conflict", { actor: by?.actor ?? "?", at: by ? EditForms.when(by.at) : "" });
        return;
      }
      if (r.status === 400 && r.body?.errors) {
        for (const err of r.body.errors) {
          const input = inputs.get(err.field);
          if (!input) continue;
          input.setAttribute("aria-invalid", "true");
          errors.get(err.field).hidden = false;
          errors.get(err.field).textContent = EditForms.errorText(err);
        }
        EditForms.status(status, "failed", "efficiencyInputs.invalid");
        return;
      }
      EditForms.status(status, "failed", "efficiencyInputs.failed", { status: r.status });
    };
    actions.prepend(save, " ");
  }
  actions.append(" ", status);
  tr.append(actions);
  return tr;
}

async function load() {
  ei$("ei-load").textContent = say("loading");
  const r = await fetch(listUrl());
  if (!r.ok) { ei$("ei-load").textContent = say("failed", { status: r.status }); ei$("ei-table").hidden = true; return; }
  const view = await r.json();
  state.canEdit = view.canEdit;
  const subject = view.park ?? view.district;
  ei$("ei-title").textContent = `${pick(subject.nameZh, subject.nameEn)} · ${say("title")} ${view.year}`;
  ei$("ei-readonly").hidden = view.canEdit;
  ei$("ei-table").hidden = false;
  header();
  ei$("ei-table").querySelector("tbody").replaceChildren(...view.enterprises.map(row));
  ei$("ei-load").textContent = view.enterprises.length === 0 ? say("noEnterprises") : say("landNote");
  ei$("ei-import").hidden = !!state.park || !view.canEdit;
  if (!state.park) {
    const base = `api/efficiency/districts/${encodeURIComponent(state.district)}/economics/${state.year}`;
    ei$("ei-template-xlsx").href = `${base}/template.xlsx`;
    ei$("ei-template-csv").href = `${base}/template.csv`;
  }
  ei$("ei-table").dataset.loaded = String(state.year);
}

async function openAgreement(e) {
  const url = `api/efficiency/parks/${encodeURIComponent(e.parkId)}/enterprises/${encodeURIComponent(e.enterpriseId)}/agreement`;
  const a = await SP.json(url);
  agreementOf = { url, version: a.version };
  ei$("ei-agreement-title").textContent = `${say("agreementTitle")} · ${pick(e.nameZh, e.nameEn)}`;
  const fields = ei$("ei-agreement-form").querySelector(".fields");
  fields.replaceChildren();
  agreementForm = EditForms.build(fields, AGREEMENT_FIELDS, "efficiencyInputs.agreement");
  agreementForm.fill(a);
  agreementForm.disable(!a.canEdit);
  ei$("ei-agreement-save").hidden = !a.canEdit;
  ei$("ei-agreement-status").textContent = a.filed ? "" : say("agreementNone");
  ei$("ei-agreement").hidden = false;
  ei$("ei-agreement").scrollIntoView({ block: "nearest" });
}

async function saveAgreement(ev) {
  ev.preventDefault();
  agreementForm.clearErrors();
  const r = await EditForms.send("PUT", agreementOf.url, { ...agreementForm.read(), version: agreementOf.version });
  const status = ei$("ei-agreement-status");
  if (r.ok) { agreementOf.version = r.body.version; EditForms.status(status, "saved", "efficiencyInputs.saved"); return; }
  if (r.status === 409 && r.body) {
    agreementForm.fill(r.body.current);
    agreementOf.version = r.body.current.version;
    const by = r.body.changedBy;
    EditForms.status(status, "conflict", "efficiencyInputs.conflict", { actor: by?.actor ?? "?", at: by ? EditForms.when(by.at) : "" });
    return;
  }
  if (r.status === 400 && r.body?.errors) { agreementForm.showErrors(r.body.errors); EditForms.status(status, "failed", "efficiencyInputs.invalid"); return; }
  EditForms.status(status, "failed", "efficiencyInputs.failed", { status: r.status });
}

function showProblems(problems) {
  const body = ei$("ei-problems").querySelector("tbody");
  body.replaceChildren(...problems.map((p) => {
    const key = `efficiencyInputs.problem.${p.code}`;
    const vars = { column: p.column ?? "", value: p.value ?? "", detail: p.detail ?? "" };
    const reason = SP.t(key, vars) === key ? p.message : SP.t(key, vars);
    return elt("tr", { dataset: { code: p.code, row: String(p.row) } },
      elt("td", { dataset: { label: say("row") } }, p.row > 0 ? String(p.row) : "—"),
      elt("td", { dataset: { label: say("column") } }, p.column ?? "—"),
      elt("td", { dataset: { label: say("reason") } }, reason));
  }));
  ei$("ei-problems").hidden = problems.length === 0;
}

async function sendSheet(dryRun) {
  const file = ei$("ei-file").files[0];
  const status = ei$("ei-import-status");
  if (!file) { status.textContent = say("chooseFile"); return; }
  const body = new FormData();
  body.append("sheet", file, file.name);
  const af = await SP.antiforgery();
  ei$("ei-apply").disabled = true;
  status.textContent = say("working");
  const url = `api/efficiency/districts/${encodeURIComponent(state.district)}/economics/${state.year}/import${dryRun ? "?dryRun=true" : ""}`;
  const r = await fetch(url, { method: "POST", headers: { [af.header]: af.token }, body });
  if (r.status !== 200 && r.status !== 422) { status.textContent = say(r.status === 413 ? "tooLarge" : "failed", { status: r.status }); status.dataset.result = "failed"; return; }
  const report = await r.json();
  showProblems(report.problems);
  ei$("ei-ignored").hidden = report.ignoredColumns.length === 0;
  ei$("ei-ignored").textContent = say("ignored", { columns: report.ignoredColumns.join("、") });
  const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
  if (report.problems.length > 0) {
    status.textContent = say("bad", { count: report.problems.length });
    status.dataset.result = "problems";
  } else if (dryRun) {
    status.textContent = say("ready", counts);
    status.dataset.result = "checked";
    ei$("ei-apply").disabled = false;
  } else {
    status.textContent = say("imported", counts);
    status.dataset.result = "imported";
    await load();
  }
}

(async () => {
  await SP.ready;
  const thisYear = new Date().getFullYear();
  const asked = Number(params.get("year"));
  state.year = asked >= 2000 && asked <= thisYear ? asked : thisYear - 1;
  for (let y = thisYear; y >= 2000; y--) ei$("ei-year").append(new Option(String(y), String(y)));
  ei$("ei-year").value = String(state.year);
  if (state.park) {
    ei$("ei-district-label").hidden = true;
    ei$("ei-meters").hidden = false;
    ei$("ei-meters").href = `efficiency/meters.html?park=${encodeURIComponent(state.park)}`;
  } else {
    const districts = await SP.json("api/efficiency/districts");
    if (districts.length === 0) { ei$("ei-none").hidden = false; ei$("ei-table").hidden = true; return; }
    for (const d of districts) ei$("ei-district").append(new Option(pick(d.nameZh, d.nameEn), d.id));
    if (!districts.some((d) => d.id === state.district)) state.district = districts[0].id;
    ei$("ei-district").value = state.district;
    ei$("ei-district").onchange = () => { state.district = ei$("ei-district").value; load(); };
  }
  ei$("ei-year").onchange = () => { state.year = Number(ei$("ei-year").value); load(); };
  ei$("ei-agreement-form").onsubmit = saveAgreement;
  ei$("ei-agreement-close").onclick = () => { ei$("ei-agreement").hidden = true; };
  ei$("ei-import-form").onsubmit = (ev) => { ev.preventDefault(); sendSheet(true); };
  ei$("ei-apply").onclick = () => sendSheet(false);
  ei$("ei-file").onchange = () => { ei$("ei-apply").disabled = true; ei$("ei-import-status").textContent = ""; showProblems([]); };
  await load();
})();
