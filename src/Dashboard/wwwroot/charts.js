// Line charts with uPlot (npm, served from lib/uplot): one series over time, and optionally the
// limit that applies, drawn dashed, so an exceedance is visible at a glance.
"use strict";

const SPChart = (() => {
  const charts = new WeakMap(); // container -> uPlot, so a redraw replaces the old chart

  // limits: [{ value, label }] drawn dashed; `limit` is the one-limit shorthand.
  function line(container, points, { label, unit, limit, limits = [] } = {}) {
    charts.get(container)?.destroy();
    container.replaceChildren();
    if (!points.length) return;
    let xs = points.map((p) => Date.parse(p.ts) / 1000);
    let values = points.map((p) => p.value);
    // A single reading would give uPlot a zero-width time range (it then spans years) and limit
    // lines of one point (invisible): show the five minutes before it instead.
    if (xs.length === 1) {
      xs = [xs[0] - 300, xs[0]];
      values = [null, values[0]];
    }
    const data = [xs, values];
    const series = [{}, { label: `${label ?? ""} (${unit ?? ""})`, stroke: "#1f77b4", width: 1.5 }];
    const all = limit != null ? [{ value: limit, label: SP.t("chart.limit") }, ...limits] : limits;
    for (const l of all) {
      data.push(xs.map(() => l.value));
      series.push({ label: `${l.label} ${l.value}`, stroke: "#b00020", dash: [6, 4], width: 1.5, points: { show: false } });
    }
    const width = Math.max(300, container.clientWidth || 600);
    const chart = new uPlot({ width, height: 200, series, scales: { x: { time: true } }, axes: [{}, { label: unit ?? "" }] }, data, container);
    charts.set(container, chart);
  }

  return { line };
})();
