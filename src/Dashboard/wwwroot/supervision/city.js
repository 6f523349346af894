// The city view: the district view's figures across the city's districts, with renovated area
// against each district's target side by side.
"use strict";

(async () => {
  await SP.ready;
  try {
    const view = await SP.json("api/supervision/cities/" + encodeURIComponent(SV.subject()));
    document.getElementById("sv-title").textContent = SV.name(view.nameZh, view.nameEn) + " · " + SV.t("sv.cityView");
    document.getElementById("sv-subtitle").textContent = SV.t("sv.asOfCity", { date: view.today });
    const parks = view.districts.reduce((n, d) => n + d.parks, 0);
    const overdue = view.districts.reduce((n, d) => n + d.overdueProjects, 0);
    document.getElementById("sv-kpis").replaceChildren(
      SV.kpi(SV.t("sv.parks"), String(parks)),
      SV.kpi(SV.t("sv.renovatedKm2"), SV.km2(view.area.renovatedKm2), view.area.targetKm2 != null ? SV.t("sv.ofTarget", { target: SV.km2(view.area.targetKm2), share: SV.pct(view.area.share) }) : SV.t("sv.noTarget")),
      SV.kpi(SV.t("sv.overdueProjects"), String(overdue)));
    // Each district's row links to its own view.
    const links = elt("p", { className: "sv-district-links" }, ...view.districts.flatMap((d) => [elt("a", { href: "supervision/districts/" + encodeURIComponent(d.id) }, SV.name(d.nameZh, d.nameEn)), " "]));
    document.getElementById("sv-kpis").after(links);
    SV.areaChart("sv-chart-area", view.districts);
    SV.categoryChart("sv-chart-category", view.byCategory);
    SV.stageChart("sv-chart-stage", view.byStage);
    SV.overdueTable(view.overdue);
    SV.parksTable(view.parks, view.districts);
    await SV.parksMap("sv-map", view.parks, view.districts);
    document.getElementById("sv-city").dataset.loaded = "1";
  } catch (e) { SV.fail(e); }
})();
