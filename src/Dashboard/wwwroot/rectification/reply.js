// The enterprise's reply page, reached by its link alone (no account): the token is after "#",
// so it never reaches the server in a URL; it goes in the X-Reply-Token header of the two API calls.
// Its words come from /reply/i18n/{lang} (only the reply's entries of the dictionaries).
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const LANG_KEY = "smartpark.lang";
  const lang = localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh-CN";
  const token = location.hash.slice(1);
  let dict = {};
  const t = (key, vars) => {
    let s = dict[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
    return s;
  };
  const name = (zh, en) => (lang === "en" ? en || zh : zh || en);
  const when = (iso) => new Date(iso).toLocaleString(lang === "en" ? "en-GB" : "zh-CN");

  async function show() {
    const r = await fetch("/api/reply", { headers: { "X-Reply-Token": token } });
    if (!r.ok) { $("reply-invalid").hidden = false; $("reply-order").hidden = true; $("reply").dataset.loaded = "invalid"; return; }
    const o = await r.json();
    $("reply-order").hidden = false;
    $("reply-where").textContent = `${name(o.parkNameZh, o.parkNameEn)} · ${name(o.enterpriseNameZh, o.enterpriseNameEn)}`;
    $("reply-hazard").textContent = t("rectification.hazard." + o.hazard);
    $("reply-state").textContent = t("rectification.state." + o.state);
    $("reply-description").textContent = o.description;
    $("reply-deadline").textContent = o.deadline;
    $("reply-countdown").textContent = o.overdue ? t("reply.overdue", { days: String(-o.daysLeft) }) : t("reply.daysLeft", { days: String(o.daysLeft) });
    $("reply-history").replaceChildren(...o.history.map((h) => {
      const li = document.createElement("li");
      li.textContent = `${when(h.at)} · ${t("reply.action." + h.action)}${h.note ? ": " + h.note : ""}`;
      return li;
    }));
    $("reply-form").hidden = !o.canReply;
    $("reply-form").replier.value ||= o.responsibleName ?? "";
    $("reply-waiting").hidden = o.canReply;
    $("reply-waiting").textContent = t("reply.waiting");
    $("reply-limits").textContent = t("reply.limits", { files: String(o.maxFiles), mb: String(Math.floor(o.maxBytes / 1048576)) });
    $("reply-expires").textContent = t("reply.expires", { at: when(o.linkExpiresAt) });
    $("reply").dataset.loaded = o.state;
  }

  async function send(ev) {
    ev.preventDefault();
    const form = $("reply-form");
    const status = $("reply-status");
    const data = new FormData();
    data.append("name", form.replier.value);
    data.append("note", form.note.value);
    for (const f of form.files.files) data.append("files", f, f.name);
    const r = await fetch("/api/reply", { method: "POST", headers: { "X-Reply-Token": token }, body: data });
    let body = null;
    try { body = await r.json(); } catch { body = null; }
    if (r.ok) { status.dataset.state = "saved"; status.textContent = t("reply.sent"); form.reset(); await show(); return; }
    status.dataset.state = "failed";
    status.textContent = body?.files ? body.files.join("; ") : r.status === 429 ? t("reply.tooMany") : (body?.detail ?? body?.title ?? String(r.status));
  }

  (async () => {
    try { dict = await (await fetch(`/reply/i18n/${lang}`)).json(); } catch { dict = {}; }
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
    $("reply-lang").value = lang;
    $("reply-lang").onchange = () => { localStorage.setItem(LANG_KEY, $("reply-lang").value); location.reload(); };
    $("reply-form").onsubmit = send;
    await show();
  })();
})();
