// The district view: area renovated against the district's target, parks by category and by
// stage, the parks map, overdue projects and each park's monitoring status.
"use strict";

(async () => {
  await SP.ready;
  try {
    const view = await SP.json("api/supervision/districts/" + encodeURIComponent(SV.subject()));
    const d = view.district;
    document.getElementById("sv-title").textContent = SV.name(d.nameZh, d.nameEn) + " · " + SV.t("sv.districtView");
    document.getElementById("sv-subtitle").textContent = SV.t("sv.asOf", { date: view.today, city: SV.name(view.cityNameZh, view.cityNameEn) });
    document.getElementById("sv-kpis").replaceChildren(
      SV.kpi(SV.t("sv.parks"), String(d.parks)),
      SV.kpi(SV.t("sv.renovatedKm2"), SV.km2(d.area.renovatedKm2), d.area.targetKm2 != null ? SV.t("sv.ofTarget", { target: SV.km2(d.area.targetKm2), share: SV.pct(d.area.share) }) : SV.t("sv.noTarget")),
      SV.kpi(SV.t("sv.overdueProjects"), String(d.overdueProjects)));
    SV.areaChart("sv-chart-area", [d]);
    SV.categoryChart("sv-chart-category", d.byCategory);
    SV.stageChart("sv-chart-stage", view.byStage);
    SV.overdueTable(view.overdue);
    SV.parksTable(view.parks, [d]);
    await SV.parksMap("sv-map", view.parks, [d]);
    document.getElementById("sv-district").dataset.loaded = "1";
  } catch (e) { SV.fail(e); }
})();
