// The alerts page's "rectification order" link on an alert: opens the park's new-order form with
// the alert, its enterprise, a hazard guessed from the rule (the operator can change it) and the
// rule's title and value as the description. The orders page decides who may issue (its API too).
"use strict";

const RectificationFromAlert = (() => {
  const ELECTRICAL = ["residual-current", "cable-temperature", "arc-fault", "overload", "overvoltage", "undervoltage", "phase-loss"];
  const GAS = ["gas-lel-low", "gas-lel-high", "h2s-high", "co-ambient-high", "nh3-high", "cl2-high"];

  function hazard(a) {
    if (ELECTRICAL.includes(a.ruleId)) return "electrical";
    if (GAS.includes(a.ruleId)) return "gas";
    if (a.ruleId?.startsWith("fire-water")) return "fire-water";
    if (a.safety) return "fire";
    if (a.bureau) return "emission";
    return "other";
  }

  function link(a) {
    if (!a.park || !a.enterprise) return null;
    const text = `${SP.ruleTitle(a.ruleId, a.rule)}${a.value == null ? "" : ` ${a.value} ${a.unit ?? ""}`}`.trim();
    const q = new URLSearchParams({ alert: a.alertId, enterprise: a.enterprise, hazard: hazard(a), text });
    const anchor = elt("a", { href: `parks/${encodeURIComponent(a.park)}/rectification?${q}`, className: "rx-from-alert" }, SP.t("rectification.fromAlertLink"));
    anchor.onclick = (e) => e.stopPropagation();
    return anchor;
  }

  return { hazard, link };
})();
