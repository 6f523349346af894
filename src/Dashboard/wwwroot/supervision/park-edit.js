// The park edit page (/supervision/parks/{park}/edit): the park's fields, its enterprises and its
// change history. Saves send the version the form loaded; a 409 shows who changed the park since,
// with their values, and lets the user put their own changes back on top or take the others'.
"use strict";

const parkId = decodeURIComponent(location.pathname.split("/")[3] ?? "");
const api = `api/supervision/parks/${encodeURIComponent(parkId)}`;
const $ = (id) => document.getElementById(id);
$("duty-link").href = `supervision/parks/${encodeURIComponent(parkId)}/duty`;

const PROCEDURES = ["complete", "in_progress", "partial", "missing"];
const PARK_FIELDS = [
  { name: "nameZh", kind: "text", required: true },
  { name: "nameEn", kind: "text" },
  { name: "township", kind: "text" },
  { name: "villageCollective", kind: "text" },
  { name: "address", kind: "text" },
  { name: "latitude", kind: "number" },
  { name: "longitude", kind: "number" },
  { name: "landAreaHectares", kind: "number", required: true },
  { name: "landOwnership", kind: "select", options: ["collective", "state_used_by_collective"], optionKey: "vocab.land", required: true },
  { name: "landProcedures", kind: "select", options: PROCEDURES, optionKey: "vocab.procedure", required: true },
  { name: "planningStatus", kind: "select", options: PROCEDURES, optionKey: "vocab.procedure", required: true },
  { name: "environmentalAssessmentStatus", kind: "select", options: PROCEDURES, optionKey: "vocab.procedure", required: true },
  { name: "inSanjiuMap", kind: "check" },
  { name: "industrialBlock", kind: "text" },
  { name: "leadingIndustry", kind: "text", required: true },
  { name: "category", kind: "select", options: ["eliminate", "relocate", "convert", "upgrade"], optionKey: "vocab.category" },
  { name: "batch", kind: "number", step: "1" },
  { name: "decisionDate", kind: "date" },
];
const ENTERPRISE_FIELDS = [
  { name: "nameZh", kind: "text", required: true },
  { name: "nameEn", kind: "text" },
  { name: "creditCode", kind: "text" },
  { name: "industry", kind: "text", required: true },
  { name: "status", kind: "select", options: ["operating", "shut_down", "relocating", "converting", "upgraded"], optionKey: "vocab.status", required: true },
  { name: "floorAreaM2", kind: "number", required: true },
  { name: "landAreaM2", kind: "number", required: true },
  { name: "contactName", kind: "text" },
  { name: "contactPhone", kind: "text" },
  { name: "dischargePermitNumber", kind: "text" },
  { name: "dischargePermitExpiry", kind: "date" },
];

let park = null; // the park as last loaded (its version is what a save sends)
let parkForm = null;

const nameOf = (row) => (SP.lang === "en" && row.nameEn ? `${row.nameEn} (${row.nameZh})` : row.nameEn ? `${row.nameZh} (${row.nameEn})` : row.nameZh);

function showPark(view) {
  park = view;
  $("park-title").textContent = nameOf(view);
  const district = SP.lang === "en" ? view.districtNameEn : view.districtNameZh;
  $("park-district").textContent = SP.t("edit.districtLine", { district: district ?? view.districtId, id: view.id });
  parkForm.fill(view);
  parkForm.disable(!view.canEdit);
  $("park-save").hidden = !view.canEdit;
  $("read-only").hidden = view.canEdit;
  $("enterprise-new").hidden = !view.canEdit;
  renderEnterprises(view.enterprises, view.canEdit);
}

async function savePark(body) {
  const status = $("park-status");
  parkForm.clearErrors();
  $("conflict").hidden = true;
  const r = await EditForms.send("PUT", api, body);
  if (r.ok) {
    showPark(r.body);
    EditForms.status(status, "saved", "edit.saved");
    await loadHistory();
  } else if (r.status === 409 && r.body?.current) {
    showConflict(r.body, body);
    EditForms.status(status, "failed", "edit.conflictShort");
  } else if (r.status === 400 && r.body?.errors) {
    parkForm.showErrors(r.body.errors);
    EditForms.status(status, "failed", "edit.invalid");
  } else {
    EditForms.status(status, "failed", "edit.failed", { status: r.status });
  }
}

// Someone saved the park after this page loaded it: show who, and for each field this user
// changed, the other person's value beside theirs. "Reapply" puts only this user's changes on
// top of the current park (the other person's changes to other fields stay).
function showConflict(conflict, attempted) {
  const loaded = park;
  const mine = {};
  for (const f of PARK_FIELDS) {
    if (String(attempted[f.name] ?? "") !== String(loaded[f.name] ?? "")) mine[f.name] = attempted[f.name];
  }
  const by = conflict.changedBy;
  $("conflict-text").textContent = by
    ? SP.t("edit.conflict", { actor: by.actor, at: EditForms.when(by.at) })
    : SP.t("edit.conflictUnknown");
  const list = $("conflict-values");
  list.replaceChildren();
  for (const f of PARK_FIELDS) {
    if (!(f.name in mine)) continue;
    const theirs = conflict.current[f.name] ?? null;
    const ours = mine[f.name] ?? null;
    list.append(elt("dt", {}, SP.t(`edit.park.${f.name}`)),
      elt("dd", {}, SP.t("edit.theirsMine", { theirs: theirs ?? "—", mine: ours ?? "—" })));
  }
  $("conflict").hidden = false;
  $("conflict-reapply").onclick = () => {
    park = conflict.current;
    savePark({ ...conflict.current, ...mine, version: conflict.current.version });
  };
  $("conflict-discard").onclick = () => { $("conflict").hidden = true; showPark(conflict.current); };
}

function renderEnterprises(enterprises, canEdit) {
  const list = $("enterprises");
  list.replaceChildren();
  for (const e of enterprises) {
    const fields = elt("div", { className: "fields" });
    const status = elt("span", { className: "save-status", role: "status" });
    const save = elt("button", { type: "submit" }, SP.t("edit.save"));
    const form = elt("form", { className: "edit-form", noValidate: true }, fields, save, status);
    const details = elt("details", { className: "enterprise-edit", dataset: { enterprise: e.id } },
      elt("summary", {}, `${nameOf(e)} · ${e.id}`), form);
    const controls = EditForms.build(fields, ENTERPRISE_FIELDS, "edit.enterprise");
    controls.fill(e);
    controls.disable(!canEdit);
    save.hidden = !canEdit;
    let version = e.version;
    const limits = PermitLimits.attach(details, `${api}/enterprises/${encodeURIComponent(e.id)}/limits`, canEdit);
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      controls.clearErrors();
      const body = { ...controls.read(), version };
      const r = await EditForms.send("PUT", `${api}/enterprises/${encodeURIComponent(e.id)}`, body);
      if (r.ok) {
        version = r.body.version;
        EditForms.status(status, "saved", "edit.saved");
        await limits.reload();
        await loadHistory();
      } else if (r.status === 409 && r.body?.current) {
        // The other change is taken into the form; the user saves again to put theirs on top.
        const by = r.body.changedBy;
        version = r.body.current.version;
        controls.fill(r.body.current);
        status.dataset.state = "failed";
        status.textContent = by ? SP.t("edit.conflict", { actor: by.actor, at: EditForms.when(by.at) }) : SP.t("edit.conflictUnknown");
      } else if (r.status === 400 && r.body?.errors) {
        controls.showErrors(r.body.errors);
        EditForms.status(status, "failed", "edit.invalid");
      } else {
        EditForms.status(status, "failed", "edit.failed", { status: r.status });
      }
    };
    list.append(details);
  }
  if (enterprises.length === 0) list.append(elt("p", { className: "empty" }, SP.t("edit.noEnterprises")));
}

function setUpNewEnterprise() {
  const box = $("enterprise-new");
  const form = box.querySelector("form");
  const fields = form.querySelector(".fields");
  const id = elt("input", { name: "id", type: "text", required: true, pattern: "[a-z0-9][a-z0-9-]{0,63}" });
  fields.append(elt("label", {}, SP.t("edit.enterprise.id"), id));
  const controls = EditForms.build(fields, ENTERPRISE_FIELDS, "edit.enterprise");
  controls.fill({ status: "operating", floorAreaM2: 0, landAreaM2: 0 });
  const status = form.querySelector(".save-status");
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    controls.clearErrors();
    const r = await EditForms.send("POST", `${api}/enterprises/${encodeURIComponent(id.value.trim())}`, controls.read());
    if (r.ok) {
      EditForms.status(status, "saved", "edit.created");
      await load();
    } else if (r.status === 400 && r.body?.errors) {
      const rest = controls.showErrors(r.body.errors);
      status.dataset.state = "failed";
      status.textContent = rest.length ? rest.map(EditForms.errorText).join("; ") : SP.t("edit.invalid");
    } else {
      EditForms.status(status, "failed", "edit.failed", { status: r.status });
    }
  };
}

async function loadHistory() {
  const list = $("history");
  list.replaceChildren();
  const entries = await SP.json(`${api}/audit`);
  for (const h of entries) {
    const changes = h.changes.map((c) => elt("div", { className: "change" }, `${c.field}: ${c.before ?? "—"} → ${c.after ?? "—"}`));
    list.append(elt("li", {},
      elt("div", { className: "when" }, SP.t("edit.historyLine", { at: EditForms.when(h.at), actor: h.actor, action: SP.t("edit.action." + h.action), key: h.key })),
      ...changes));
  }
  if (entries.length === 0) list.append(elt("li", { className: "empty" }, SP.t("edit.noHistory")));
}

async function load() {
  showPark(await SP.json(api));
  await loadHistory();
}

(async () => {
  await SP.ready;
  parkForm = EditForms.build(document.querySelector("#park-form .fields"), PARK_FIELDS, "edit.park");
  $("park-form").onsubmit = (ev) => { ev.preventDefault(); savePark({ ...parkForm.read(), version: park.version }); };
  setUpNewEnterprise();
  try {
    await load();
  } catch (e) {
    $("park-title").textContent = SP.t("edit.loadFailed");
  }
})();
