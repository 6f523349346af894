// An alert's evidence (AlertDocument.evidence): curves Ingest attached to it, e.g. a line's production
// power and its treatment equipment's power, one mean per minute, drawn in one small chart so
// "production on, treatment off" is seen at a glance. Labels in the page's language; DOM only.
"use strict";

const SPEvidence = (() => {
  const charts = new WeakMap(); // container -> uPlot, so a redraw replaces the old chart
  const COLOURS = ["#1f77b4", "#2ca02c", "#d62728", "#9467bd"];

  const label = (curve) => SP.localName(curve.label, curve.labelEn);

  const usable = (alert) => (Array.isArray(alert?.evidence) ? alert.evidence : [])
    .filter((c) => Array.isArray(c.points) && c.points.length > 0);

  // Draws the curves of `alert` into `container` (a <figure>); hides it when the alert carries none.
  function draw(container, alert) {
    charts.get(container)?.destroy();
    charts.delete(container);
    container.replaceChildren();
    const curves = usable(alert);
    container.hidden = curves.length === 0;
    if (curves.length === 0) return;
    const caption = document.createElement("figcaption");
    caption.textContent = SP.t("evidence.title", { label: curves.map(label).join(" / ") });
    const plot = document.createElement("div");
    plot.className = "evidence-plot";
    plot.setAttribute("role", "img");
    plot.setAttribute("aria-label", SP.t("evidence.chart"));
    const note = document.createElement("p");
    note.className = "evidence-note";
    note.textContent = SP.t("evidence.caption");
    container.append(caption, plot, note);
    // uPlot draws from one x array: join the curves' minutes (seconds for uPlot's time scale).
    const data = uPlot.join(curves.map((c) => [c.points.map((p) => p[0] / 1000), c.points.map((p) => p[1])]));
    const series = [{}, ...curves.map((c, i) => ({ label: `${label(c)} (${c.unit})`, stroke: COLOURS[i % COLOURS.length], width: 1.5 }))];
    const units = [...new Set(curves.map((c) => c.unit))].join(", ");
    // Phone first: as wide as its box, never wider than the screen.
    const width = Math.max(240, Math.min(container.clientWidth || 600, window.innerWidth - 24));
    const chart = new uPlot({ width, height: 180, series, scales: { x: { time: true } }, axes: [{}, { label: units, size: 50 }] }, data, plot);
    charts.set(container, chart);
  }

  return { draw, usable, label };
})();
