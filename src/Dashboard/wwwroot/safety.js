// Safety overview (fire, electrical fire, gas, fire water): for each park the user may see, its open
// safety alarms, newest first. The safety authorities land here; it follows alarm pushes live.
"use strict";

const s$ = (id) => document.getElementById(id);

// A picture per kind of danger, so a glance on a phone tells fire from gas from water.
function iconOf(a) {
  const q = a.quantity ?? "";
  if (q === "gas_lel" || q === "h2s" || q === "co_ambient" || q === "nh3" || q === "cl2" || a.ruleId.startsWith("gas")) return "🧪";
  if (q.startsWith("fire_water") || a.ruleId.startsWith("fire-water")) return "💧";
  if (a.ruleId === "residual-current" || a.ruleId === "arc-fault" || a.ruleId.startsWith("cable") || q.startsWith("residual") || q.startsWith("cable")) return "⚡";
  return "🔥";
}

function alarmItem(a) {
  const value = a.value == null ? "" : ` · ${a.value}${a.unit ? " " + a.unit : ""}`;
  const where = [a.enterprise, a.device, a.sensor].filter(Boolean).join(" / ");
  return elt("li", { className: "safety-alarm", dataset: { alertId: a.alertId, state: a.state, severity: a.severity } },
    elt("span", { className: "icon", "aria-hidden": "true" }, iconOf(a)),
    elt("span", { className: "what" }, `${SP.ruleTitle(a.ruleId, a.rule)} · ${SP.t("severity." + a.severity)} · ${SP.t("state." + a.state)}`),
    elt("span", { className: "where" }, where + value),
    elt("span", { className: "when" }, SP.t("safety.raisedAt", { at: new Date(a.raisedAt).toLocaleString(SP.lang) })));
}

function parkCard(p) {
  const name = SP.localName(p.name, p.nameEn) || p.park;
  return elt("section", { className: "safety-park", dataset: { park: p.park, alarms: String(p.alarms.length) } },
    elt("h3", {}, elt("span", {}, name), elt("span", { className: "safety-count", title: SP.t("safety.openAlarms") }, String(p.alarms.length))),
    p.alarms.length === 0
      ? elt("p", { className: "safety-quiet" }, SP.t("safety.quiet"))
      : elt("ul", { className: "safety-alarms" }, ...p.alarms.map(alarmItem)));
}

async function load() {
  let parks;
  try { parks = await SP.json("api/safety/alarms"); } catch { s$("s-unavailable").hidden = false; return; }
  s$("s-unavailable").hidden = true;
  const total = parks.reduce((n, p) => n + p.alarms.length, 0);
  const summary = s$("s-total");
  summary.dataset.state = total > 0 ? "alarm" : "quiet";
  summary.textContent = total > 0 ? SP.t("safety.total", { n: total, parks: parks.filter((p) => p.alarms.length > 0).length }) : SP.t("safety.allQuiet");
  s$("s-parks").replaceChildren(...parks.map(parkCard));
}

SP.onAlert(load);
SP.onReconnected(load);

(async () => {
  await SP.ready;
  await load();
})();
