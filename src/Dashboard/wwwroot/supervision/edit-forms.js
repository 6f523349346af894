// Forms built from field lists, shared by the park edit page and the users page: inputs with
// labels through the dictionaries, values in and out, the server's field errors shown next to
// their fields, and JSON writes with the anti-forgery header. DOM through elt()/textContent only.
"use strict";

const EditForms = (() => {
  // A field: { name, kind: "text"|"number"|"check"|"select"|"date", options, optionKey, required, step }.
  function build(container, fields, labelPrefix) {
    const inputs = new Map();
    for (const f of fields) {
      let input;
      if (f.kind === "select") {
        input = elt("select", { name: f.name });
        if (!f.required) input.append(new Option("—", ""));
        for (const v of f.options) input.append(new Option(SP.t(`${f.optionKey}.${v}`), v));
      } else {
        const type = { check: "checkbox", number: "number", date: "date" }[f.kind] ?? "text";
        input = elt("input", { name: f.name, type });
        if (f.kind === "number") input.step = f.step ?? "any";
        if (f.required) input.required = true;
      }
      const error = elt("span", { className: "field-error", hidden: true });
      const label = f.kind === "check"
        ? elt("label", { className: "check" }, input, elt("span", {}, SP.t(`${labelPrefix}.${f.name}`)))
        : elt("label", {}, SP.t(`${labelPrefix}.${f.name}`), input, error);
      if (f.kind === "check") label.append(error);
      container.append(label);
      inputs.set(f.name, { field: f, input, error });
    }
    return {
      fill(values) {
        for (const { field, input } of inputs.values()) {
          const v = values?.[field.name];
          if (field.kind === "check") input.checked = !!v;
          else input.value = v == null ? "" : String(v);
        }
      },
      read() {
        const out = {};
        for (const { field, input } of inputs.values()) {
          if (field.kind === "check") out[field.name] = input.checked;
          else if (field.kind === "number") out[field.name] = input.value === "" ? (field.required ? 0 : null) : Number(input.value);
          else out[field.name] = input.value === "" ? null : input.value;
        }
        return out;
      },
      disable(disabled) { for (const { input } of inputs.values()) input.disabled = disabled; },
      clearErrors() {
        for (const { input, error } of inputs.values()) { input.removeAttribute("aria-invalid"); error.hidden = true; error.textContent = ""; }
      },
      // Returns the errors no field of this form shows (to show them elsewhere).
      showErrors(errors) {
        const rest = [];
        for (const e of errors) {
          const target = inputs.get(e.field);
          if (!target) { rest.push(e); continue; }
          target.input.setAttribute("aria-invalid", "true");
          target.error.hidden = false;
          target.error.textContent = errorText(e);
        }
        return rest;
      },
    };
  }

  // The server's reason in the page's language when the dictionaries know its code.
  function errorText(e) {
    const key = "edit.error." + e.code;
    const text = SP.t(key);
    return text === key ? e.message : text;
  }

  async function send(method, url, body) {
    const af = await SP.antiforgery();
    const r = await fetch(url, { method, headers: { "Content-Type": "application/json", [af.header]: af.token }, body: JSON.stringify(body) });
    let data = null;
    try { data = await r.json(); } catch { data = null; }
    return { status: r.status, ok: r.ok, body: data };
  }

  function when(iso) {
    return new Date(iso).toLocaleString(SP.lang === "en" ? "en-GB" : "zh-CN");
  }

  function status(el, state, key, vars) {
    el.dataset.state = state;
    el.textContent = SP.t(key, vars);
  }

  return { build, errorText, send, when, status };
})();
