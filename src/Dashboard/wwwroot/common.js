// Shared by every page: language (zh-CN by default, English), who is signed in and the sign-out
// form, the one SignalR connection, and the critical-alert banner with its beep (mutable, remembered).
"use strict";

// Every page builds its DOM with this (or textContent), never with innerHTML: names, states, units
// and messages come from devices, the registry and users, and a string child here becomes a text
// node, so markup in them shows as text and never runs. props set element properties (className,
// hidden, href, …) or else attributes; "dataset" sets data-* attributes; null children are skipped.
function elt(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c != null).map((c) => (c instanceof Node ? c : String(c))));
  return e;
}

// The banner and header every page shares, built once here rather than copied into each page.
// This runs synchronously as the script loads, before any page script looks for these elements;
// a page's own header controls (marked data-header-extra) move in after the navigation.
(() => {
  const i18n = (key) => ({ dataset: { i18n: key } });
  const link = (href, key) => elt("a", { href, ...i18n(key) });
  const banner = elt("div", { id: "critical-banner", className: "critical-banner", role: "alert", hidden: true },
    elt("span", { className: "text" }), " ", link("alerts", "banner.open"), " ",
    elt("button", { className: "dismiss", type: "button", ...i18n("banner.dismiss") }));
  const nav = elt("nav", {}, link("/", "nav.park"), " ", link("alerts", "nav.alerts"), " ", link("history", "nav.history"), " ", link("bureau", "nav.bureau"), " ", link("safety", "nav.safety"));
  const header = elt("header", {},
    elt("h1", i18n("app.title")),
    nav,
    elt("span", { id: "connection", className: "connection", dataset: { state: "connecting" } }),
    elt("button", { id: "mute", type: "button" }),
    elt("select", { id: "lang" }, new Option("中文", "zh-CN"), new Option("English", "en")),
    elt("span", { id: "me", className: "me" }),
    elt("form", { id: "signout", method: "post", action: "signout" },
      elt("input", { type: "hidden", id: "signout-token" }),
      elt("button", { type: "submit", ...i18n("nav.signout") })));
  document.body.prepend(banner, header);
  document.querySelectorAll("[data-header-extra]").forEach((e) => nav.after(e));
})();

const SP = (() => {
  const LANG_KEY = "smartpark.lang";
  const MUTE_KEY = "smartpark.muted";
  const lang = localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh-CN";
  let dict = {};
  const alertHandlers = [];
  const connectedHandlers = [];
  const bannered = new Set(); // alert ids already announced
  let quantities = new Map(); // name → the catalogue's entry (titles, unit), from api/quantities

  const t = (key, vars) => {
    let s = dict[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
    return s;
  };

  // A rule's title in the page's language: the built-in rules are translated by id; a rule added
  // in configuration keeps the title it was given.
  const ruleTitle = (ruleId, title) => dict["rule." + ruleId] ?? title ?? ruleId;

  // A quantity's title in the page's language, from the server's catalogue (one entry per
  // quantity there, none in the dictionaries); its name for one the catalogue does not know.
  const quantityTitle = (name) => {
    const q = quantities.get(name);
    return q ? (lang === "en" ? q.title.en : q.title.zh) : name;
  };

  // A quantity's catalogue entry (kind, unit, titles), or undefined for one it does not know.
  const quantity = (name) => quantities.get(name);

  // A park's or an enterprise's name in the page's language: the registry's name is the Chinese
  // one and nameEn the English one; either falls back to the other when it is missing.
  const localName = (name, nameEn) => (lang === "en" ? nameEn || name : name || nameEn);

  function applyI18n(root = document) {
    root.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
    root.querySelectorAll("[data-i18n-placeholder]").forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    root.querySelectorAll("[data-i18n-title]").forEach((e) => { e.title = t(e.dataset.i18nTitle); });
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("hubs/live")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 500 * 2 ** ctx.previousRetryCount) })
    .build();

  function setConnectionState(state) {
    const c = document.getElementById("connection");
    if (!c) return;
    c.dataset.state = state;
    c.textContent = t(`connection.${state}`);
  }

  connection.onreconnecting(() => setConnectionState("reconnecting"));
  connection.onreconnected(async () => {
    setConnectionState("connected");
    // Group memberships died with the old connection: join again, then let pages re-fetch state.
    await connection.invoke("JoinAlerts");
    for (const h of connectedHandlers) await h(true);
  });
  connection.onclose(() => setConnectionState("disconnected"));
  connection.on("alert", (update) => {
    if (update.alert) maybeAnnounce(update.alert, true);
    for (const h of alertHandlers) h(update);
  });

  const muted = () => localStorage.getItem(MUTE_KEY) === "1";

  function showMute() {
    const b = document.getElementById("mute");
    if (!b) return;
    b.dataset.muted = muted() ? "1" : "0";
    // An SVG file, not an emoji: Debian's Chromium has no emoji font and drew a missing-glyph box.
    b.replaceChildren(elt("span", { className: "icon " + (muted() ? "sound-off" : "sound-on") }), " ", t(muted() ? "sound.off" : "sound.on"));
  }

  function beep() {
    if (muted()) return;
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      for (let i = 0; i < 3; i++) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = 880;
        gain.gain.value = 0.2;
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + i * 0.35);
        osc.stop(ctx.currentTime + i * 0.35 + 0.2);
      }
    } catch { /* no audio device: the banner still shows */ }
  }

  // A new critical alert that nobody has acknowledged yet: banner (and beep unless muted).
  function maybeAnnounce(alert, sound) {
    if (alert.severity !== "critical" || alert.state !== "active" || bannered.has(alert.alertId)) return;
    bannered.add(alert.alertId);
    const banner = document.getElementById("critical-banner");
    if (!banner) return;
    banner.querySelector(".text").textContent = t("banner.critical", {
      rule: alert.rule, park: alert.park, enterprise: alert.enterprise ?? "—", value: alert.value ?? "—", unit: alert.unit ?? "",
    });
    banner.dataset.alertId = alert.alertId;
    banner.hidden = false;
    if (sound) beep();
  }

  async function json(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json();
  }

  async function antiforgery() {
    return json("api/antiforgery");
  }

  async function init() {
    try { dict = await json(`i18n/${lang}.json`); } catch { dict = {}; }
    document.documentElement.lang = lang;
    applyI18n();
    const langSelect = document.getElementById("lang");
    if (langSelect) {
      langSelect.value = lang;
      langSelect.onchange = () => { localStorage.setItem(LANG_KEY, langSelect.value); location.reload(); };
    }
    const mute = document.getElementById("mute");
    if (mute) mute.onclick = () => { localStorage.setItem(MUTE_KEY, muted() ? "0" : "1"); showMute(); };
    showMute();
    const dismiss = document.querySelector("#critical-banner .dismiss");
    if (dismiss) dismiss.onclick = () => { document.getElementById("critical-banner").hidden = true; };

    const me = await json("api/me");
    // Before the hub connects, so the first readings already show under their titles.
    quantities = new Map((await json("api/quantities")).map((q) => [q.name, q]));
    document.getElementById("me").textContent = `${me.name} (${t("role." + me.role)})`;
    // Admins manage the users (the page exists with a park database; elsewhere it answers 404).
    if (me.role === "admin") document.querySelector("header nav").append(" ", elt("a", { href: "supervision/users", dataset: { i18n: "users.title" } }, t("users.title")));
    const af = await antiforgery();
    const token = document.getElementById("signout-token");
    token.name = af.field;
    token.value = af.token;

    setConnectionState("connecting");
    for (;;) {
      try { await connection.start(); break; } catch { setConnectionState("disconnected"); await new Promise((r) => setTimeout(r, 3000)); }
    }
    setConnectionState("connected");
    await connection.invoke("JoinAlerts");
    // Critical alerts still unacknowledged when the page opens: banner, no sound.
    for (const a of await json("api/alerts?severity=critical&state=active")) maybeAnnounce(a, false);
    return me;
  }

  return {
    t, ruleTitle, quantityTitle, quantity, localName, applyI18n, connection, json, antiforgery, lang,
    onAlert: (h) => alertHandlers.push(h),
    onReconnected: (h) => connectedHandlers.push(h),
    ready: init(),
  };
})();
