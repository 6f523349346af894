// The district's efficiency evaluation: ranking, grades, trend over years, each enterprise against
// its industry, low-efficiency land and agreement breaches; the year's XLSX export.
"use strict";

(async () => {
  await SP.ready;
  const district = SV.subject();
  const id = encodeURIComponent(district);
  document.getElementById("ef-back").href = "supervision/districts/" + id;

  async function load(year) {
    try {
      EF.clearCharts("ef-chart-grades", "ef-chart-trend", "ef-chart-energy");
      const view = await SP.json(`api/efficiency/districts/${id}` + (year ? `?year=${year}` : ""));
      const trend = await SP.json(`api/efficiency/districts/${id}/trend?from=${view.year - 4}&to=${view.year}`);
      document.getElementById("ef-title").textContent = EF.name(view.district.nameZh, view.district.nameEn) + " · " + EF.t("eff.title", { year: view.year });
      document.getElementById("ef-export").href = `api/efficiency/districts/${id}/export.xlsx?year=${view.year}`;
      document.getElementById("ef-no-data").hidden = view.hasData;
      EF.yearPicker(view.year, load);
      EF.kpis(view);
      EF.gradeChart("ef-chart-grades", view.scheme, view.gradeCounts);
      EF.trendChart("ef-chart-trend", view.scheme, trend.years);
      EF.energyTrendChart("ef-chart-energy", trend.years);
      EF.rankingTable(view, { showPark: true, parks: view.parks, onSelect: (e) => EF.showPeers(view, e) });
      EF.landTable(view.lowEfficiencyLand);
      EF.breachTable(view);
      document.getElementById("ef-district").dataset.loaded = String(view.year);
    } catch (e) { EF.fail(e); }
  }
  await load(EF.askedYear());
})();
