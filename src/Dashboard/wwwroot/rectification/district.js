// The district page's hazard supervision: every unclosed rectification order of the district's
// parks, overdue first and in red, with the number open and overdue.
"use strict";

(async () => {
  await SP.ready;
  const section = document.getElementById("rx-district");
  if (!section) return;
  const district = decodeURIComponent(location.pathname.split("/").filter(Boolean)[2] ?? "");
  let view;
  try { view = await SP.json(`api/supervision/districts/${encodeURIComponent(district)}/rectification`); } catch { section.hidden = true; return; }
  document.getElementById("rx-district-counts").textContent = SP.t("rectification.districtCounts", { open: String(view.open), overdue: String(view.overdue) });
  const body = section.querySelector("tbody");
  body.replaceChildren(...view.orders.map((r) => {
    const o = r.order;
    const countdown = o.overdue ? SP.t("rectification.overdueBy", { days: String(-o.daysLeft) }) : SP.t("rectification.daysLeft", { days: String(o.daysLeft) });
    return elt("tr", { dataset: { overdue: String(o.overdue) } },
      elt("td", {}, SP.localName(r.parkNameZh, r.parkNameEn)),
      elt("td", {}, elt("a", { href: `parks/${encodeURIComponent(o.parkId)}/rectification/${o.id}` }, SP.localName(o.enterpriseNameZh, o.enterpriseNameEn) || o.enterpriseId)),
      elt("td", {}, SP.t("rectification.hazard." + o.hazard)),
      elt("td", {}, o.description),
      elt("td", {}, SP.t("rectification.state." + o.state)),
      elt("td", { dataset: { overdue: String(o.overdue) } }, `${o.deadline} · ${countdown}`));
  }));
  document.getElementById("rx-district-none").hidden = view.orders.length > 0;
  section.dataset.loaded = "1";
})();
