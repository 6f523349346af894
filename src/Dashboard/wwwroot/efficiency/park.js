// A park's part of its district's efficiency evaluation, for its operator: its enterprises' grades
// (relative to the whole district), each against its industry's quartiles (statistics only: no
// other park's enterprise is named or shown), and the park's trend over five years.
"use strict";

(async () => {
  await SP.ready;
  const park = SV.subject();
  const id = encodeURIComponent(park);
  document.getElementById("ef-overview").href = "parks/" + id;

  async function load(year) {
    try {
      EF.clearCharts("ef-chart-grades", "ef-chart-trend", "ef-chart-energy");
      const view = await SP.json(`api/efficiency/parks/${id}` + (year ? `?year=${year}` : ""));
      document.getElementById("ef-title").textContent = EF.name(view.park.nameZh, view.park.nameEn) + " · " + EF.t("eff.title", { year: view.year });
      document.getElementById("ef-no-data").hidden = view.hasData;
      EF.yearPicker(view.year, load);
      EF.kpis(view);
      EF.gradeChart("ef-chart-grades", view.scheme, view.gradeCounts);
      EF.trendChart("ef-chart-trend", view.scheme, view.trend);
      EF.energyTrendChart("ef-chart-energy", view.trend);
      EF.rankingTable(view, { showPark: false, onSelect: (e) => EF.showPeers(view, e) });
      EF.landTable(view.lowEfficiencyLand);
      EF.breachTable(view);
      document.getElementById("ef-park").dataset.loaded = String(view.year);
    } catch (e) { EF.fail(e); }
  }
  await load(EF.askedYear());
})();
