// Shared by the supervision pages (park, district, city): names in the page's language, the
// monitoring status cell, ECharts charts and the Leaflet parks map. DOM is built with elt() and
// textContent only (common.js); chart tooltips render as canvas text, map labels as DOM nodes.
"use strict";

const SV = (() => {
  const t = (key, vars) => SP.t(key, vars);
  const en = () => SP.lang === "en";
  const name = (zh, english) => (en() && english ? english : zh);
  const CATEGORIES = ["eliminate", "relocate", "convert", "upgrade"];
  const COLORS = { eliminate: "#c0392b", relocate: "#e67e22", convert: "#8e44ad", upgrade: "#27ae60", none: "#7f8c8d" };
  const categoryColor = (c) => COLORS[c] ?? COLORS.none;
  const categoryLabel = (c) => t("sv.category." + (c ?? "none"));
  const stageLabel = (s) => t("sv.stage." + s);
  const ha = (x) => (x ?? 0).toLocaleString(SP.lang, { maximumFractionDigits: 1 });
  const km2 = (x) => (x ?? 0).toLocaleString(SP.lang, { maximumFractionDigits: 2 });
  const pct = (x) => (x == null ? "—" : (x * 100).toLocaleString(SP.lang, { maximumFractionDigits: 1 }) + "%");

  // The last path segment of the page's URL: the park, district or city the page is about.
  const subject = () => decodeURIComponent(location.pathname.split("/").filter((s) => s).pop() ?? "");

  function fail(error) {
    const p = document.getElementById("sv-error");
    p.textContent = t("sv.loadFailed");
    p.hidden = false;
    console.error(error);
  }

  // A park's monitoring status in a few words, with a class saying whether it needs attention.
  function statusCell(status) {
    if (!status) return elt("span", { className: "sv-status unknown" }, "—");
    const alerts = status.openAlerts ?? {};
    const open = (alerts.critical ?? 0) + (alerts.warning ?? 0) + (alerts.info ?? 0);
    const parts = [
      t("sv.status.alerts", { n: open }),
      t("sv.status.devices", { online: status.devicesOnline, total: status.devicesTotal }),
      t("sv.status.exceedances", { n: status.exceedancesThisQuarter ?? "?" }),
    ];
    if (status.shutDownDrawingPower.length) parts.push(t("sv.status.powered", { n: status.shutDownDrawingPower.length }));
    const attention = open > 0 || status.shutDownDrawingPower.length > 0 || (status.exceedancesThisQuarter ?? 0) > 0;
    return elt("span", { className: "sv-status " + (attention ? "attention" : "ok"), dataset: { park: status.park } }, parts.join(" · "));
  }

  // A chart; "data-drawn" is set once ECharts has rendered it (what the browser tests wait for).
  const charts = [];
  function chart(id, option) {
    const el = document.getElementById(id);
    const c = echarts.init(el, null, { renderer: "canvas" });
    c.on("finished", () => { el.dataset.drawn = "1"; });
    c.setOption({
      animation: false,
      textStyle: { fontFamily: "sans-serif" },
      // richText: tooltips are drawn on the canvas, never written into the page as HTML.
      tooltip: { trigger: "axis", renderMode: "richText", confine: true },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      ...option,
    });
    charts.push(c);
    return c;
  }
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));

  function categoryChart(id, byCategory) {
    const rows = byCategory.map((c) => ({ label: categoryLabel(c.category), parks: c.parks, ha: c.hectares, color: categoryColor(c.category) }));
    return chart(id, {
      xAxis: { type: "category", data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
      yAxis: { type: "value", minInterval: 1, name: t("sv.parksCount") },
      series: [{ type: "bar", name: t("sv.parksCount"), data: rows.map((r) => ({ value: r.parks, itemStyle: { color: r.color } })), label: { show: true, position: "top" } }],
    });
  }

  function stageChart(id, byStage) {
    return chart(id, {
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: byStage.map((s) => stageLabel(s.stage)), inverse: true },
      series: [{ type: "bar", name: t("sv.parksCount"), data: byStage.map((s) => s.parks), itemStyle: { color: "#2c7fb8" }, label: { show: true, position: "right" } }],
    });
  }

  // Renovated area against target, km², one pair of bars per district (one pair on the district view).
  function areaChart(id, districts) {
    return chart(id, {
      legend: { top: 0 },
      xAxis: { type: "category", data: districts.map((d) => name(d.nameZh, d.nameEn)), axisLabel: { interval: 0, rotate: districts.length > 4 ? 40 : 0 } },
      yAxis: { type: "value", name: "km²" },
      series: [
        { type: "bar", name: t("sv.renovated"), data: districts.map((d) => +d.area.renovatedKm2.toFixed(3)), itemStyle: { color: "#27ae60" } },
        { type: "bar", name: t("sv.target"), data: districts.map((d) => d.area.targetKm2), itemStyle: { color: "#bdc3c7" } },
      ],
    });
  }

  // Andrew's monotone chain: the convex hull of [lat, lng] points, counter-clockwise.
  function convexHull(points) {
    const p = [...points].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    if (p.length < 3) return p;
    const cross = (o, a, b) => (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1]);
    const lower = [];
    for (const q of p) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop(); lower.push(q); }
    const upper = [];
    for (const q of [...p].reverse()) { while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop(); upper.push(q); }
    return lower.slice(0, -1).concat(upper.slice(0, -1));
  }

  // The parks map: circle markers coloured by category, each district outlined by the hull of its
  // parks and labelled. No base layer unless the deployment configured a tile server.
  async function parksMap(id, parks, districts) {
    const config = await SP.json("api/supervision/map");
    const el = document.getElementById(id);
    const map = L.map(el, { zoomSnap: 0.25, attributionControl: !!config.tileUrl });
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: config.maxZoom, attribution: config.attribution ?? "" }).addTo(map);
    }
    const located = parks.filter((p) => p.latitude != null && p.longitude != null);
    const bounds = [];
    for (const d of districts) {
      const points = located.filter((p) => p.districtId === d.id).map((p) => [p.latitude, p.longitude]);
      if (points.length === 0) continue;
      const hull = convexHull(points);
      const shape = hull.length >= 3
        ? L.polygon(hull, { color: "#34495e", weight: 1.5, dashArray: "4 4", fillOpacity: 0.05, className: "sv-district-outline" })
        : L.polyline(hull.length === 2 ? hull : [hull[0], hull[0]], { color: "#34495e", weight: 1.5, dashArray: "4 4", className: "sv-district-outline" });
      shape.addTo(map);
      shape.bindTooltip(elt("span", { className: "sv-district-label" }, name(d.nameZh, d.nameEn)), { permanent: true, direction: "center", className: "sv-district-tooltip" });
    }
    for (const p of located) {
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: 7, color: "#222", weight: 1, fillColor: categoryColor(p.category), fillOpacity: p.overdue ? 1 : 0.8,
        className: "sv-park-marker" + (p.overdue ? " overdue" : ""),
      }).addTo(map);
      marker.bindTooltip(elt("span", {}, name(p.nameZh, p.nameEn), elt("br"), categoryLabel(p.category), " · ", stageLabel(p.stage)));
      marker.on("click", () => { location.href = "supervision/parks/" + encodeURIComponent(p.id); });
      bounds.push([p.latitude, p.longitude]);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 });
    else map.setView([23.13, 113.26], 9);

    const legend = L.control({ position: "bottomright" });
    legend.onAdd = () => elt("div", { className: "sv-legend" },
      ...[...CATEGORIES, null].map((c) => elt("div", {}, elt("span", { className: "sv-swatch", dataset: { category: c ?? "none" } }), categoryLabel(c))),
      elt("div", { className: "sv-legend-note" }, t("sv.hullNote")));
    legend.addTo(map);
    // The swatch colours are set through the CSSOM (CSP allows it; no inline style attribute).
    el.querySelectorAll(".sv-swatch").forEach((s) => { s.style.background = categoryColor(s.dataset.category === "none" ? null : s.dataset.category); });
    el.dataset.markers = String(located.length);
    return map;
  }

  function kpi(label, value, extra) {
    return elt("div", { className: "sv-kpi" }, elt("div", { className: "sv-kpi-value" }, value), elt("div", { className: "sv-kpi-label" }, label), extra ? elt("div", { className: "sv-kpi-extra" }, extra) : null);
  }

  function overdueTable(rows) {
    const tbody = document.querySelector("#sv-overdue tbody");
    document.getElementById("sv-no-overdue").hidden = rows.length > 0;
    document.getElementById("sv-overdue").hidden = rows.length === 0;
    tbody.replaceChildren(...rows.map((o) => elt("tr", { className: "overdue", dataset: { project: o.projectId } },
      elt("td", {}, elt("a", { href: "supervision/parks/" + encodeURIComponent(o.parkId) }, name(o.parkNameZh, o.parkNameEn))),
      elt("td", {}, name(o.nameZh, o.nameEn)),
      elt("td", {}, stageLabel(o.stage)),
      elt("td", {}, o.plannedDate),
      elt("td", { className: "late" }, t("sv.days", { n: o.daysLate })))));
  }

  function parksTable(parks, districts) {
    const districtName = new Map(districts.map((d) => [d.id, name(d.nameZh, d.nameEn)]));
    document.querySelector("#sv-parks tbody").replaceChildren(...parks.map((p) => elt("tr", { dataset: { park: p.id } },
      elt("td", {}, elt("a", { href: "supervision/parks/" + encodeURIComponent(p.id) }, name(p.nameZh, p.nameEn))),
      elt("td", {}, districtName.get(p.districtId) ?? p.districtId),
      elt("td", {}, categoryLabel(p.category)),
      elt("td", {}, ha(p.landAreaHectares)),
      elt("td", { className: p.overdue ? "overdue" : "" }, stageLabel(p.stage)),
      elt("td", {}, statusCell(p.monitoring)))));
  }

  return { t, name, subject, fail, statusCell, chart, categoryChart, stageChart, areaChart, parksMap, convexHull, kpi, overdueTable, parksTable, categoryLabel, stageLabel, ha, km2, pct };
})();
