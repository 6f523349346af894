// Shared by the efficiency pages (district, park): the year picker, the ranking table (sortable,
// grade badges), the grade distribution and trend charts (ECharts through SV.chart, tooltips drawn
// on the canvas), an enterprise's indicators against its industry's quartiles, the low-efficiency
// land and the agreement breaches. DOM is built with elt() and textContent only (common.js).
"use strict";

const EF = (() => {
  const t = (key, vars) => SP.t(key, vars);
  const name = (zh, en) => SV.name(zh, en);
  const GRADE_COLORS = { A: "#1a9850", B: "#4575b4", C: "#f39c12", D: "#c0392b" };
  const gradeColor = (g, i) => GRADE_COLORS[g] ?? ["#1a9850", "#4575b4", "#f39c12", "#e67e22", "#c0392b"][i % 5];
  const num = (x, digits = 2) => (x == null ? "—" : x.toLocaleString(SP.lang, { maximumFractionDigits: digits }));

  // The year asked for in ?year=, or null for the server's default (the last full year).
  const askedYear = () => {
    const y = Number(new URLSearchParams(location.search).get("year"));
    return Number.isInteger(y) && y > 1999 ? y : null;
  };

  // Ten years back from this one; choosing one reloads the page's data for it.
  function yearPicker(selected, onChange) {
    const select = document.getElementById("ef-year");
    const now = new Date().getFullYear();
    const years = [];
    for (let y = now; y > now - 11; y--) years.push(y);
    if (!years.includes(selected)) years.push(selected);
    select.replaceChildren(...years.map((y) => new Option(String(y), String(y), false, y === selected)));
    select.onchange = () => {
      const y = Number(select.value);
      history.replaceState(null, "", location.pathname + "?year=" + y);
      onChange(y);
    };
  }

  const indicatorTitle = (catalogue, id) => {
    const d = catalogue.find((i) => i.id === id);
    return d ? (SP.lang === "en" ? d.titleEn : d.titleZh) : id;
  };

  function badge(e) {
    if (e.grade) return elt("span", { className: "ef-badge", dataset: { grade: e.grade } }, e.grade);
    return elt("span", { className: "ef-not-graded" }, t("eff.notGraded." + (e.notGradedReason ?? "none")));
  }

  // A tier's short name: the default scheme's tiers have one in the dictionaries, a district's own tiers show their id.
  function tierShort(id) {
    if (!id) return "—";
    const key = "eff.tierShort." + id;
    const s = t(key);
    return s === key ? id : s;
  }

  function tierLabel(scheme, id) {
    const tier = scheme.tiers.find((x) => x.id === id);
    return tier ? (SP.lang === "en" ? tier.en : tier.zh) : "";
  }

  // The ranking: graded first by rank, then the others; a column header sorts by it (again: reverse).
  function rankingTable(view, { showPark, parks, onSelect }) {
    const table = document.getElementById("ef-ranking");
    const indicators = view.scheme.indicators.map((i) => i.id);
    const parkName = new Map((parks ?? []).map((p) => [p.id, name(p.nameZh, p.nameEn)]));
    const columns = [
      { key: "rank", label: t("eff.rank"), value: (e) => e.rank ?? Infinity, cell: (e) => (e.rank ? `${e.rank}/${e.rankedIn}` : "—") },
      { key: "name", label: t("eff.enterprise"), value: (e) => name(e.nameZh, e.nameEn), cell: (e) => name(e.nameZh, e.nameEn) },
      ...(showPark ? [{ key: "park", label: t("eff.park"), value: (e) => parkName.get(e.park) ?? e.park, cell: (e) => parkName.get(e.park) ?? e.park }] : []),
      { key: "industry", label: t("eff.industry"), value: (e) => e.industry, cell: (e) => e.industry },
      { key: "score", label: t("eff.score"), value: (e) => e.score ?? -Infinity, cell: (e) => num(e.score, 1) },
      { key: "grade", label: t("eff.grade"), value: (e) => e.grade ?? "~", cell: badge },
      ...indicators.map((id) => ({ key: id, label: indicatorTitle(view.catalogue, id), value: (e) => e.indicators[id] ?? -Infinity, cell: (e) => num(e.indicators[id]) })),
      { key: "mu", label: t("eff.landMu"), value: (e) => e.landAreaMu, cell: (e) => num(e.landAreaMu, 1) },
      { key: "tce", label: t("eff.tce"), value: (e) => e.energy.tce, cell: (e) => num(e.energy.tce, 1) },
      { key: "tier", label: t("eff.tier"), value: (e) => e.tier ?? "", cell: (e) => tierShort(e.tier) },
    ];
    let sort = { key: "rank", dir: 1 };
    const head = elt("tr", {}, ...columns.map((c) => {
      const th = elt("th", { scope: "col", tabIndex: 0, dataset: { sort: c.key } }, c.label);
      const by = () => { sort = { key: c.key, dir: sort.key === c.key ? -sort.dir : (c.key === "rank" || c.key === "name" || c.key === "industry" || c.key === "park" || c.key === "grade" ? 1 : -1) }; body(); };
      th.onclick = by;
      th.onkeydown = (ev) => { if (ev.key === "Enter") by(); };
      return th;
    }));
    const tbody = elt("tbody");
    function body() {
      const column = columns.find((c) => c.key === sort.key);
      const rows = [...view.enterprises].sort((a, b) => {
        const x = column.value(a), y = column.value(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.enterprise.localeCompare(b.enterprise);
      });
      head.querySelectorAll("th").forEach((th) => { th.dataset.sorted = th.dataset.sort === sort.key ? (sort.dir > 0 ? "asc" : "desc") : ""; });
      tbody.replaceChildren(...rows.map((e) => {
        const tr = elt("tr", { tabIndex: 0, dataset: { enterprise: e.park + "/" + e.enterprise, grade: e.grade ?? "" } },
          ...columns.map((c) => elt("td", {}, c.cell(e))));
        tr.onclick = () => { tbody.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected")); tr.classList.add("selected"); onSelect(e); };
        tr.onkeydown = (ev) => { if (ev.key === "Enter") tr.onclick(); };
        return tr;
      }));
    }
    table.replaceChildren(elt("thead", {}, head), tbody);
    body();
    document.getElementById("ef-no-enterprises").hidden = view.enterprises.length > 0;
  }

  function gradeChart(id, scheme, counts) {
    return SV.chart(id, {
      tooltip: { trigger: "item", renderMode: "richText", confine: true },
      xAxis: { type: "category", data: scheme.grades },
      yAxis: { type: "value", minInterval: 1, name: t("eff.enterprises") },
      series: [{ type: "bar", name: t("eff.enterprises"), label: { show: true, position: "top" },
        data: scheme.grades.map((g, i) => ({ value: counts[g] ?? 0, itemStyle: { color: gradeColor(g, i) } })) }],
    });
  }

  // Grade counts per year (stacked bars) and the median tax per mu (line, right axis).
  function trendChart(id, scheme, years) {
    return SV.chart(id, {
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: years.map((y) => String(y.year)) },
      yAxis: [{ type: "value", minInterval: 1, name: t("eff.enterprises") }, { type: "value", name: t("eff.medianTaxPerMu"), splitLine: { show: false } }],
      series: [
        ...scheme.grades.map((g, i) => ({ type: "bar", stack: "grades", name: g, itemStyle: { color: gradeColor(g, i) }, data: years.map((y) => y.gradeCounts[g] ?? 0) })),
        { type: "line", yAxisIndex: 1, name: t("eff.medianTaxPerMu"), data: years.map((y) => y.medians.tax_per_mu ?? null), connectNulls: false, itemStyle: { color: "#34495e" } },
      ],
    });
  }

  // Totals per year: electricity (10,000 kWh) and energy (tce); a year without an evaluation has no point, not a zero.
  function energyTrendChart(id, years) {
    return SV.chart(id, {
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: years.map((y) => String(y.year)) },
      yAxis: [{ type: "value", name: t("eff.tenThousandKwh") }, { type: "value", name: "tce", splitLine: { show: false } }],
      series: [
        { type: "bar", name: t("eff.electricity"), data: years.map((y) => (y.enterprises ? +(y.kwh / 10000).toFixed(1) : null)), itemStyle: { color: "#74a9cf" } },
        { type: "line", yAxisIndex: 1, name: t("eff.energyTce"), data: years.map((y) => (y.enterprises ? +y.tce.toFixed(1) : null)), itemStyle: { color: "#d95f0e" } },
      ],
    });
  }

  // One enterprise against its industry: each indicator as a share of the industry median (100),
  // the quartile band as a bar from Q1 to Q3, the enterprise as a point; the table gives the figures.
  let peerChart = null;
  function showPeers(view, e) {
    const card = document.getElementById("ef-peer-card");
    card.hidden = false;
    document.getElementById("ef-peer-title").textContent = t("eff.peersOf", { name: name(e.nameZh, e.nameEn), industry: e.industry });
    const spreads = view.peers.find((p) => p.industry === e.industry)?.indicators ?? {};
    const ids = view.catalogue.map((d) => d.id).filter((id) => spreads[id] && spreads[id].median > 0);
    const ratio = (v, m) => (v == null ? null : +((v / m) * 100).toFixed(1));
    const labels = ids.map((id) => indicatorTitle(view.catalogue, id));
    document.getElementById("ef-no-peers").hidden = ids.length > 0;
    const el = document.getElementById("ef-peer-chart");
    el.hidden = ids.length === 0;
    if (peerChart) { peerChart.dispose(); peerChart = null; delete el.dataset.drawn; }
    if (ids.length) {
      el.style.height = Math.max(220, 40 * ids.length + 60) + "px";
      peerChart = SV.chart("ef-peer-chart", {
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        tooltip: { trigger: "item", renderMode: "richText", confine: true },
        xAxis: { type: "value", name: t("eff.pctOfMedian"), axisLabel: { formatter: "{value}%" } },
        yAxis: { type: "category", data: labels, inverse: true },
        series: [
          { type: "bar", stack: "band", name: "", data: ids.map((id) => ratio(spreads[id].q1, spreads[id].median)), itemStyle: { color: "transparent" }, tooltip: { show: false }, silent: true },
          { type: "bar", stack: "band", name: t("eff.quartileBand"), data: ids.map((id) => +(ratio(spreads[id].q3, spreads[id].median) - ratio(spreads[id].q1, spreads[id].median)).toFixed(1)), itemStyle: { color: "#d6e4f0" },
            markLine: { symbol: "none", silent: true, label: { formatter: t("eff.median") }, lineStyle: { color: "#34495e", type: "dashed" }, data: [{ xAxis: 100 }] } },
          { type: "scatter", name: name(e.nameZh, e.nameEn), symbolSize: 14, data: ids.map((id, i) => [ratio(e.indicators[id], spreads[id].median), labels[i]]), itemStyle: { color: e.grade ? gradeColor(e.grade, 0) : "#7f8c8d" } },
        ],
      });
    }
    const rows = view.catalogue.filter((d) => e.indicators[d.id] != null || spreads[d.id]).map((d) => {
      const s = spreads[d.id];
      return elt("tr", { dataset: { indicator: d.id } },
        elt("td", {}, indicatorTitle(view.catalogue, d.id)),
        elt("td", {}, d.unit),
        elt("td", {}, num(e.indicators[d.id])),
        elt("td", {}, s ? num(s.q1) : "—"),
        elt("td", {}, s ? num(s.median) : "—"),
        elt("td", {}, s ? num(s.q3) : "—"),
        elt("td", {}, s ? String(s.count) : "—"));
    });
    document.querySelector("#ef-peer-table tbody").replaceChildren(...rows);
    const energy = e.energy;
    document.getElementById("ef-peer-energy").textContent = t("eff.energyLine", {
      kwh: num(energy.kwh, 0), tce: num(energy.tce, 1), water: num(energy.waterM3, 0), coverage: SV.pct(energy.coverage),
      flags: energy.flags.length ? energy.flags.map((f) => t("eff.flag." + f)).join("、") : t("eff.flag.none"),
    }) + (e.tier ? " " + t("eff.tierLine", { tier: tierLabel(view.scheme, e.tier) }) : "");
    if (matchMedia("(max-width: 600px)").matches) card.scrollIntoView({ block: "start" });
  }

  function landTable(land) {
    document.getElementById("ef-land-total").textContent = t("eff.landTotal", { mu: num(land.totalMu, 1), n: land.items.length });
    document.getElementById("ef-land").hidden = land.items.length === 0;
    document.querySelector("#ef-land tbody").replaceChildren(...land.items.map((l) => elt("tr", { dataset: { enterprise: l.park + "/" + l.enterprise } },
      elt("td", {}, name(l.nameZh, l.nameEn)), elt("td", {}, num(l.landAreaMu, 1)), elt("td", {}, elt("span", { className: "ef-badge", dataset: { grade: l.grade } }, l.grade)), elt("td", {}, num(l.score, 1)))));
  }

  function breachTable(view) {
    document.getElementById("ef-no-breaches").hidden = view.breaches.length > 0;
    document.getElementById("ef-breaches").hidden = view.breaches.length === 0;
    document.querySelector("#ef-breaches tbody").replaceChildren(...view.breaches.map((b) => elt("tr", { dataset: { enterprise: b.park + "/" + b.enterprise } },
      elt("td", {}, name(b.nameZh, b.nameEn)), elt("td", {}, indicatorTitle(view.catalogue, b.target)), elt("td", {}, num(b.promised)), elt("td", { className: "late" }, num(b.achieved)))));
  }

  function kpis(view) {
    const graded = view.enterprises.filter((e) => e.grade).length;
    document.getElementById("ef-kpis").replaceChildren(
      SV.kpi(t("eff.evaluated"), String(view.enterprises.length)),
      SV.kpi(t("eff.graded"), String(graded)),
      SV.kpi(t("eff.lowLandMu"), num(view.lowEfficiencyLand.totalMu, 1)),
      SV.kpi(t("eff.breachCount"), String(view.breaches.length)));
  }

  function fail(error) {
    const p = document.getElementById("ef-error");
    p.textContent = t("eff.loadFailed");
    p.hidden = false;
    console.error(error);
  }

  // Drops the charts of the previous year before drawing the next (SV.chart keeps them for resizing).
  function clearCharts(...ids) {
    for (const id of ids) {
      const el = document.getElementById(id);
      echarts.getInstanceByDom(el)?.dispose();
      delete el.dataset.drawn;
    }
    document.getElementById("ef-peer-card").hidden = true;
  }

  return { t, name, askedYear, yearPicker, rankingTable, gradeChart, trendChart, energyTrendChart, showPeers, landTable, breachTable, kpis, fail, clearCharts };
})();
