// The admin's users page (/supervision/users): every person who signs in, their role and what
// they see; add, change, disable, reset a password. Hashes never reach the page.
"use strict";

const ROLES = ["operator", "bureau", "district", "city", "safety", "admin"];
const $ = (id) => document.getElementById(id);

const parksOf = (text) => (text ?? "").split(",").map((p) => p.trim()).filter((p) => p);

function errorsText(body, status) {
  if (body?.errors) return body.errors.map(EditForms.errorText).join("; ");
  return body?.detail ?? SP.t("edit.failed", { status });
}

function row(user) {
  const cell = (labelKey, ...children) => elt("td", { dataset: { label: SP.t(labelKey) } }, ...children);
  const displayName = elt("input", { type: "text", value: user.displayName ?? "" });
  const role = elt("select", {}, ...ROLES.map((r) => new Option(SP.t("role." + r), r)));
  role.value = user.role;
  const parks = elt("input", { type: "text", value: user.parks.join(", "), placeholder: "p-a, p-b" });
  const district = elt("input", { type: "text", value: user.district ?? "", placeholder: "baiyun" });
  const city = elt("input", { type: "text", value: user.city ?? "", placeholder: "guangzhou" });
  const disabled = elt("input", { type: "checkbox" });
  disabled.checked = user.disabled;
  const status = elt("span", { className: "save-status", role: "status" });
  const save = elt("button", { type: "button" }, SP.t("edit.save"));
  const password = elt("input", { type: "password", autocomplete: "new-password", placeholder: SP.t("users.newPassword") });
  const reset = elt("button", { type: "button" }, SP.t("users.resetPassword"));
  let version = user.version;
  save.onclick = async () => {
    const r = await EditForms.send("PUT", `api/admin/users/${encodeURIComponent(user.name)}`, {
      displayName: displayName.value, role: role.value, parks: parksOf(parks.value),
      district: district.value || null, city: city.value || null, disabled: disabled.checked, version,
    });
    if (r.ok) { version = r.body.version; EditForms.status(status, "saved", "edit.saved"); }
    else { status.dataset.state = "failed"; status.textContent = errorsText(r.body, r.status); }
  };
  reset.onclick = async () => {
    const r = await EditForms.send("POST", `api/admin/users/${encodeURIComponent(user.name)}/password`, { password: password.value });
    if (r.ok) { password.value = ""; EditForms.status(status, "saved", "users.passwordReset"); }
    else { status.dataset.state = "failed"; status.textContent = errorsText(r.body, r.status); }
  };
  return elt("tr", { dataset: { user: user.name } },
    cell("users.name", user.name), cell("users.displayName", displayName), cell("users.role", role),
    cell("users.parks", parks), cell("users.district", district), cell("users.city", city),
    cell("users.disabled", disabled), cell("users.actions", save, password, reset, status));
}

async function load() {
  const body = $("users").querySelector("tbody");
  body.replaceChildren(...(await SP.json("api/admin/users")).map(row));
}

function setUpNewUser() {
  const form = $("user-new-form");
  const fields = form.querySelector(".fields");
  const controls = EditForms.build(fields, [
    { name: "name", kind: "text", required: true },
    { name: "displayName", kind: "text" },
    { name: "role", kind: "select", options: ROLES, optionKey: "role", required: true },
    { name: "parks", kind: "text" },
    { name: "district", kind: "text" },
    { name: "city", kind: "text" },
    { name: "password", kind: "text", required: true },
  ], "users");
  fields.querySelector('input[name="password"]').type = "password";
  const status = form.querySelector(".save-status");
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    controls.clearErrors();
    const values = controls.read();
    const r = await EditForms.send("POST", "api/admin/users", { ...values, parks: parksOf(values.parks) });
    if (r.ok) { form.reset(); EditForms.status(status, "saved", "edit.created"); await load(); }
    else { status.dataset.state = "failed"; status.textContent = errorsText(r.body, r.status); }
  };
}

(async () => {
  await SP.ready;
  setUpNewUser();
  await load();
})();
