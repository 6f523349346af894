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
    // The report of the last quarter that has ended (China Standard Time, as view.today is), and
    // the district's sheet import; the server decides who may use either.
    const [year, month] = view.today.split("-").map(Number);
    const quarter = Math.floor((month - 1) / 3);
    const last = quarter === 0 ? { year: year - 1, quarter: 4 } : { year, quarter };
    const district = encodeURIComponent(SV.subject());
    document.getElementById("sv-report-link").href = `supervision/districts/${district}/reports/${last.year}/${last.quarter}`;
    document.getElementById("sv-import-link").href = `supervision/import.html?district=${district}`;
    document.getElementById("sv-efficiency-link").href = `efficiency/districts/${district}`;
    document.getElementById("sv-efficiency-inputs-link").href = `efficiency/inputs.html?district=${district}`;
    SV.areaChart("sv-chart-area", [d]);
    SV.categoryChart("sv-chart-category", d.byCategory);
    SV.stageChart("sv-chart-stage", view.byStage);
    SV.overdueTable(view.overdue);
    SV.parksTable(view.parks, [d]);
    await SV.parksMap("sv-map", view.parks, [d]);
    document.getElementById("sv-district").dataset.loaded = "1";
  } catch (e) { SV.fail(e); }
})();
