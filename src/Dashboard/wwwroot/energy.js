// Enterprise page, energy: its metered consumption per day (last 30 days) or per month (this year),
// electricity, gas and steam as bars with their standard coal (kgce) as a line, water in m³, one
// chart per quantity it meters; and the 15-minute load profile for a range of days as CSV. Days are
// China Standard Time, as stored. "data-drawn" is set once ECharts has rendered a chart (what the
// browser tests wait for).
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const [, park, enterprise] = location.pathname.match(/^\/parks\/([^/]+)\/enterprises\/([^/]+)/).map(decodeURIComponent);
  const base = `api/parks/${encodeURIComponent(park)}/enterprises/${encodeURIComponent(enterprise)}`;
  const DAY_MS = 86400e3;
  let period = "day";
  let charts = [];

  // The CST calendar day (YYYY-MM-DD) holding an instant.
  const cstDay = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 10);
  const round = (v) => (v == null ? null : Math.round(v * 100) / 100);

  // The x axis: every day or month of the range, so a period nothing reported shows as a gap.
  function categories(data) {
    const from = Date.parse(data.from);
    if (data.period === "1d") return Array.from({ length: Math.round((Date.parse(data.to) - from) / DAY_MS) }, (_, i) => cstDay(from + i * DAY_MS));
    const year = cstDay(from).slice(0, 4);
    return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  }
  const categoryOf = (data, start) => (data.period === "1d" ? cstDay(Date.parse(start)) : cstDay(Date.parse(start)).slice(0, 7));

  function chart(box, data, q, axis) {
    const byCategory = new Map(q.points.map((p) => [categoryOf(data, p.start), p]));
    const title = SP.quantityTitle(q.quantity);
    const series = [{ type: "bar", name: `${title} (${q.unit})`, itemStyle: { color: "#2c7fb8" }, data: axis.map((c) => round(byCategory.get(c)?.use)) }];
    const yAxis = [{ type: "value", name: q.unit }];
    if (q.kgcePerUnit != null) {
      series.push({ type: "line", name: SP.t("energy.kgce"), yAxisIndex: 1, itemStyle: { color: "#d35400" }, data: axis.map((c) => round(byCategory.get(c)?.kgce)) });
      yAxis.push({ type: "value", name: "kgce", splitLine: { show: false } });
    }
    const c = echarts.init(box, null, { renderer: "canvas" });
    c.on("finished", () => { box.dataset.drawn = "1"; });
    c.setOption({
      animation: false,
      textStyle: { fontFamily: "sans-serif" },
      // richText: tooltips are drawn on the canvas, never written into the page as HTML.
      tooltip: { trigger: "axis", renderMode: "richText", confine: true },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: axis.map((c) => (data.period === "1d" ? c.slice(5) : c)) },
      yAxis,
      series,
    });
    return c;
  }

  async function drawConsumption() {
    for (const b of document.querySelectorAll("#energy-period button")) b.setAttribute("aria-pressed", String(b.dataset.period === period));
    const root = $("energy-charts");
    let data;
    try {
      data = await SP.json(`${base}/consumption?period=${period}`);
    } catch {
      charts.forEach((c) => c.dispose());
      charts = [];
      root.replaceChildren();
      $("energy-note").textContent = SP.t("energy.unavailable");
      return;
    }
    charts.forEach((c) => c.dispose());
    charts = [];
    root.replaceChildren();
    $("energy-note").textContent = data.quantities.length ? SP.t(period === "day" ? "energy.daily" : "energy.monthly") : SP.t("energy.none");
    const axis = categories(data);
    for (const q of data.quantities) {
      const box = elt("div", { className: "energy-chart", dataset: { quantity: q.quantity } });
      root.append(elt("h4", {}, `${SP.quantityTitle(q.quantity)} (${q.unit})`), box);
      charts.push(chart(box, data, q, axis));
    }
  }

  // The download link follows the chosen days; the browser sends the session cookie with it.
  function updateDownload() {
    const from = $("profile-from").value, to = $("profile-to").value;
    const link = $("profile-download");
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
    link.toggleAttribute("aria-disabled", !ok);
    link.href = ok ? `${base}/load-profile.csv?${new URLSearchParams({ from, to })}` : "";
  }

  (async () => {
    await SP.ready;
    // Yesterday, the last whole day, by default.
    const yesterday = cstDay(Date.now() - DAY_MS);
    $("profile-from").value = yesterday;
    $("profile-to").value = yesterday;
    $("profile-from").addEventListener("change", updateDownload);
    $("profile-to").addEventListener("change", updateDownload);
    updateDownload();
    for (const b of document.querySelectorAll("#energy-period button")) b.addEventListener("click", () => { period = b.dataset.period; drawConsumption(); });
    window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
    await drawConsumption();
  })();
})();
