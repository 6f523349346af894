// An enterprise's discharge-permit limits on the park edit page, inside its <details>: loaded when
// opened, one small form per limit (value in the quantity's unit, save, delete) and one to add a
// limit on a pollutant of the catalogue. Each write sends the version it loaded; a 409 takes the
// current value into the form and says who changed it. DOM through elt()/textContent only.
"use strict";

const PermitLimits = (() => {
  const title = (c) => (SP.lang === "en" ? c.titleEn : c.titleZh);

  function attach(details, api, canEdit) {
    const section = elt("section", { className: "permit-limits" },
      elt("h4", {}, SP.t("edit.limits.title")),
      elt("p", { className: "muted" }, SP.t("edit.limits.hint")));
    details.append(section);
    const body = elt("div");
    section.append(body);
    let loaded = false;
    details.addEventListener("toggle", () => {
      if (details.open && !loaded) {
        loaded = true;
        load(body, api, canEdit);
      }
    });
    // After the enterprise form saved (a permit number recorded or changed), show the limits anew.
    return { reload: () => (loaded ? load(body, api, canEdit) : Promise.resolve()) };
  }

  async function load(section, api, canEdit) {
    const view = await SP.json(api);
    section.replaceChildren();
    const editable = canEdit && view.canEdit;
    const choices = new Map(view.choices.map((c) => [c.name, c]));
    const list = elt("ul", { className: "limit-list" });
    const empty = elt("li", { className: "empty" }, SP.t("edit.limits.none"));
    section.append(list);
    const refreshEmpty = () => { empty.hidden = list.querySelector("form") !== null; };
    list.append(empty);
    for (const limit of view.limits) list.append(row(limit, choices, api, editable, refreshEmpty));
    refreshEmpty();
    if (!editable) return;
    if (!view.permitNumber) {
      section.append(elt("p", { className: "notice" }, SP.t("edit.limits.noPermit")));
      return;
    }
    section.append(addForm(list, choices, api, refreshEmpty));
  }

  function label(choice, name) {
    return choice ? `${title(choice)} · ${name}` : name;
  }

  function row(limit, choices, api, editable, refreshEmpty) {
    let version = limit.version;
    const url = `${api}/${encodeURIComponent(limit.quantity)}`;
    const input = elt("input", { name: "limit", type: "number", step: "any", min: "0", required: true, value: String(limit.limit), disabled: !editable });
    const error = elt("span", { className: "field-error", hidden: true });
    const status = elt("span", { className: "save-status", role: "status" });
    const save = elt("button", { type: "submit", hidden: !editable }, SP.t("edit.save"));
    const remove = elt("button", { type: "button", className: "secondary", hidden: !editable }, SP.t("edit.limits.delete"));
    const form = elt("form", { className: "limit-row", noValidate: true, dataset: { quantity: limit.quantity } },
      elt("label", {}, elt("span", { className: "limit-name" }, label(choices.get(limit.quantity), limit.quantity)),
        elt("span", { className: "limit-value" }, input, elt("span", { className: "unit" }, limit.unit))),
      save, remove, status, error);
    const li = elt("li", {}, form);
    const conflict = (body) => {
      const by = body.changedBy;
      version = body.current.version;
      input.value = String(body.current.limit);
      status.dataset.state = "failed";
      status.textContent = by ? SP.t("edit.conflict", { actor: by.actor, at: EditForms.when(by.at) }) : SP.t("edit.conflictUnknown");
    };
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      const r = await EditForms.send("PUT", url, { limit: input.value === "" ? null : Number(input.value), version });
      if (r.ok) {
        version = r.body.version;
        EditForms.status(status, "saved", "edit.saved");
        await loadHistory();
      } else if (r.status === 409 && r.body?.current) {
        conflict(r.body);
      } else if (r.status === 400 && r.body?.errors) {
        showErrors(error, r.body.errors);
        EditForms.status(status, "failed", "edit.invalid");
      } else {
        EditForms.status(status, "failed", "edit.failed", { status: r.status });
      }
    };
    remove.onclick = async () => {
      const r = await EditForms.send("DELETE", `${url}?version=${encodeURIComponent(version)}`);
      if (r.ok) {
        li.remove();
        refreshEmpty();
        await loadHistory();
      } else if (r.status === 409 && r.body?.current) {
        conflict(r.body);
      } else {
        EditForms.status(status, "failed", "edit.failed", { status: r.status });
      }
    };
    return li;
  }

  function addForm(list, choices, api, refreshEmpty) {
    const select = elt("select", { name: "quantity" });
    for (const c of choices.values()) select.append(new Option(label(c, c.name), c.name));
    const unit = elt("span", { className: "unit" });
    const showUnit = () => { unit.textContent = choices.get(select.value)?.unit ?? ""; };
    select.onchange = showUnit;
    showUnit();
    const input = elt("input", { name: "limit", type: "number", step: "any", min: "0", required: true });
    const error = elt("span", { className: "field-error", hidden: true });
    const status = elt("span", { className: "save-status", role: "status" });
    const form = elt("form", { className: "limit-add", noValidate: true },
      elt("label", {}, SP.t("edit.limits.quantity"), select),
      elt("label", {}, SP.t("edit.limits.value"), elt("span", { className: "limit-value" }, input, unit)),
      elt("button", { type: "submit" }, SP.t("edit.limits.add")), status, error);
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      const quantity = select.value;
      const r = await EditForms.send("POST", `${api}/${encodeURIComponent(quantity)}`, { limit: input.value === "" ? null : Number(input.value) });
      if (r.ok) {
        list.append(row(r.body, choices, api, true, refreshEmpty));
        refreshEmpty();
        input.value = "";
        EditForms.status(status, "saved", "edit.created");
        await loadHistory();
      } else if (r.status === 409) {
        EditForms.status(status, "failed", "edit.limits.exists");
      } else if (r.status === 400 && r.body?.errors) {
        showErrors(error, r.body.errors);
        EditForms.status(status, "failed", "edit.invalid");
      } else {
        EditForms.status(status, "failed", "edit.failed", { status: r.status });
      }
    };
    return form;
  }

  function showErrors(target, errors) {
    target.hidden = false;
    target.textContent = errors.map(EditForms.errorText).join("; ");
  }

  return { attach };
})();
