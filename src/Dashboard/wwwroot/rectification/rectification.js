// What the rectification pages share: the park from the path (/parks/{park}/…), the API's base,
// labels for hazards and states, the deadline countdown, and multipart uploads with the
// anti-forgery token. Everything from users goes into the DOM as text (elt, textContent).
"use strict";

const RX = (() => {
  const segments = location.pathname.split("/").filter(Boolean);
  const park = decodeURIComponent(segments[1] ?? "");
  const api = (path) => `api/parks/${encodeURIComponent(park)}/rectification${path}`;
  const page = (path) => `parks/${encodeURIComponent(park)}${path}`;
  const hazard = (h) => SP.t("rectification.hazard." + h);
  const state = (s) => SP.t("rectification.state." + s);
  const action = (a) => SP.t("rectification.action." + a);
  const when = (iso) => new Date(iso).toLocaleString(SP.lang === "en" ? "en-GB" : "zh-CN");

  // "3 days left", "due today" or "overdue by 2 days", from the server's daysLeft (China Standard Time days).
  function countdown(order) {
    if (order.state === "closed") return SP.t("rectification.closedOn", { date: order.closedAt ? when(order.closedAt) : "" });
    if (order.overdue) return SP.t("rectification.overdueBy", { days: String(-order.daysLeft) });
    if (order.daysLeft === 0) return SP.t("rectification.dueToday");
    return SP.t("rectification.daysLeft", { days: String(order.daysLeft) });
  }

  function badge(kind, code, text) {
    return elt("span", { className: `rx-badge rx-${kind}`, dataset: { [kind]: code } }, text);
  }

  // A multipart POST (files and fields) with the anti-forgery header, as the step endpoints read it.
  async function upload(url, fields, files) {
    const af = await SP.antiforgery();
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v != null) data.append(k, v);
    for (const f of files) data.append("files", f, f.name);
    const r = await fetch(url, { method: "POST", headers: { [af.header]: af.token }, body: data });
    let body = null;
    try { body = await r.json(); } catch { body = null; }
    return { status: r.status, ok: r.ok, body };
  }

  // The reason of a refused request in words: the files refused, field errors, or the problem's title.
  function problem(r) {
    if (r.body?.files) return r.body.files.join("; ");
    if (r.body?.errors) return r.body.errors.map((e) => EditForms.errorText(e)).join("; ");
    return r.body?.detail ?? r.body?.title ?? String(r.status);
  }

  function thumbnail(e) {
    if (e.contentType.startsWith("image/")) {
      const img = elt("img", { src: e.url, alt: e.name ?? "", className: "rx-thumb" });
      return elt("a", { href: e.url, target: "_blank", rel: "noopener", className: "rx-thumb-link" }, img);
    }
    return elt("a", { href: e.url, className: "rx-file" }, "PDF " + (e.name ?? ""));
  }

  return { park, api, page, hazard, state, action, when, countdown, badge, upload, problem, thumbnail };
})();
