// Bureau page, emissions view: every flue-gas stack and wastewater outlet of the officer's parks
// with each pollutant's latest hourly value as the standards judge it (converted to reference O2
// for flue gas), the limit in force and a bar of how close to it; a pollutant opens its hourly
// means over 24 h or 7 days with the limit line, flagged hours (C/M/D…) shaded and listed, and each
// day's emitted kilograms. Everything from the server goes into the DOM as text (elt/textContent).
"use strict";

const em$ = (id) => document.getElementById(id);
const EM = { selected: null, days: 1, chart: null, dayChart: null };

// A flag's name: written out per flag so the translation test sees every key.
const flagTitle = (flag) => ({
  N: SP.t("bureau.flag.N"), F: SP.t("bureau.flag.F"), M: SP.t("bureau.flag.M"), S: SP.t("bureau.flag.S"),
  D: SP.t("bureau.flag.D"), C: SP.t("bureau.flag.C"), T: SP.t("bureau.flag.T"), B: SP.t("bureau.flag.B"),
}[flag] ?? flag);
const mediumTitle = (medium) => (medium === "flueGas" ? SP.t("bureau.medium.flueGas") : SP.t("bureau.medium.wastewater"));
const FLAG_SHADE = { C: "rgba(52, 120, 246, .18)", M: "rgba(230, 160, 0, .22)", D: "rgba(176, 0, 32, .16)" };
const fmt = (v) => (v == null ? "—" : Number(v.toPrecision(4)).toLocaleString(SP.lang));
const hourText = (ts) => new Date(ts).toLocaleString(SP.lang, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
const limitText = (l) => (l ? SP.t("bureau.limitOf", { limit: fmt(l.value), unit: l.unit ?? "" }) + (l.source ? ` (${l.source})` : "") + (l.enterprise ? ` · ${SP.t("bureau.ownLimit")}` : "") : SP.t("bureau.noLimit"));

// How close to the limit: a bar over 0–125 % of it, the limit marked at 80 % of its width.
function gauge(p) {
  // Spans, not divs: the bar sits inside the pollutant's button, which holds phrasing content only.
  const bar = elt("span", { className: "em-gauge", role: "meter", "aria-valuemin": "0", "aria-valuemax": "125" },
    elt("span", { className: "em-fill" }), elt("span", { className: "em-mark" }));
  if (p.ratio == null) {
    bar.dataset.level = "none";
    return bar;
  }
  const pct = p.ratio * 100;
  bar.setAttribute("aria-valuenow", pct.toFixed(0));
  bar.dataset.level = pct > 100 ? "over" : pct >= 80 ? "near" : "ok";
  bar.firstChild.style.width = `${Math.min(pct, 125) / 1.25}%`;
  return bar;
}

function pollutantRow(point, p) {
  const row = elt("button", { type: "button", className: "em-pollutant", dataset: { quantity: p.quantity, measured: p.measured, device: point.device, sensor: p.sensor } },
    elt("span", { className: "em-q" }, SP.quantityTitle(p.quantity)),
    elt("span", { className: "em-v" }, p.value == null ? SP.t("bureau.noData") : `${fmt(p.value)} ${p.unit}`),
    gauge(p),
    elt("span", { className: "em-pct" }, p.ratio == null ? "" : SP.t("bureau.ofLimit", { pct: (p.ratio * 100).toFixed(0) })),
    elt("span", { className: "em-hour" }, p.hour ? SP.t("bureau.hourOf", { hour: hourText(p.hour) }) : ""),
    elt("span", { className: "em-limit" }, limitText(p.limit)),
    p.flagged ? elt("span", { className: "em-flagged" }, SP.t("bureau.flagged")) : null);
  row.onclick = () => select(point, p);
  return row;
}

async function loadEmissions() {
  const points = await SP.json("api/bureau/emissions");
  const container = em$("em-points");
  container.replaceChildren();
  em$("em-empty").hidden = points.length > 0;
  for (const point of points) {
    const where = point.point ? `${point.point} (${point.device})` : point.device;
    container.append(elt("article", { className: "em-point", dataset: { park: point.park, enterprise: point.enterprise, device: point.device, medium: point.medium } },
      elt("h3", {}, SP.localName(point.name, point.nameEn) || point.enterprise),
      elt("p", { className: "em-where" }, `${SP.localName(point.parkName, point.parkNameEn) || point.park} · ${where} · ${mediumTitle(point.medium)}`),
      ...point.pollutants.map((p) => pollutantRow(point, p))));
  }
  if (EM.selected) await loadSeries();
}

function select(point, p) {
  EM.selected = { point, p };
  em$("em-detail").hidden = false;
  em$("em-detail-title").textContent = `${SP.localName(point.name, point.nameEn) || point.enterprise} · ${point.device} · ${SP.quantityTitle(p.quantity)}`;
  loadSeries().catch(() => { em$("em-detail-limit").textContent = SP.t("bureau.unavailable"); });
  em$("em-detail").scrollIntoView({ behavior: "smooth", block: "start" });
}

// uPlot hook: shades every flagged hour under the curve and writes its flag letter.
function shadeFlags(hours) {
  return (u) => {
    const { ctx } = u;
    ctx.save();
    ctx.font = `${11 * devicePixelRatio}px sans-serif`;
    for (const h of hours.filter((x) => x.flag !== "N")) {
      const t = Date.parse(h.ts) / 1000;
      const x0 = u.valToPos(t, "x", true);
      const x1 = u.valToPos(t + 3600, "x", true);
      ctx.fillStyle = FLAG_SHADE[h.flag] ?? "rgba(120, 120, 120, .2)";
      ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
      ctx.fillStyle = "#333";
      ctx.fillText(h.flag, x0 + 2, u.bbox.top + 12 * devicePixelRatio);
    }
    ctx.restore();
  };
}

function drawChart(s) {
  EM.chart?.destroy();
  const el = em$("em-chart");
  el.replaceChildren();
  if (!s.hours.length) {
    el.append(elt("p", { className: "empty" }, SP.t("bureau.noData")));
    return;
  }
  // Each hourly mean is drawn at the middle of its hour, so the shaded hour sits around its point.
  const xs = s.hours.map((h) => Date.parse(h.ts) / 1000 + 1800);
  const data = [xs, s.hours.map((h) => h.mean)];
  const series = [{}, { label: `${SP.quantityTitle(s.quantity)} (${s.unit})`, stroke: "#1f77b4", width: 1.5 }];
  if (s.limit) {
    data.push(xs.map(() => s.limit.value));
    series.push({ label: `${SP.t("chart.limit")} ${fmt(s.limit.value)}`, stroke: "#b00020", dash: [6, 4], width: 1.5, points: { show: false } });
  }
  const width = Math.max(280, el.clientWidth || 600);
  EM.chart = new uPlot({
    width, height: 240, series, scales: { x: { time: true, range: [Date.parse(s.from) / 1000, Date.parse(s.to) / 1000] } },
    axes: [{}, { label: s.unit }], hooks: { drawClear: [shadeFlags(s.hours)] },
  }, data, el);
}

function drawDays(s) {
  EM.dayChart?.destroy();
  const body = em$("em-days").querySelector("tbody");
  body.replaceChildren();
  em$("em-days-none").hidden = s.rate != null;
  em$("em-days").hidden = s.rate == null;
  const el = em$("em-days-chart");
  el.replaceChildren();
  if (s.rate == null) return;
  for (const d of s.days) {
    body.append(elt("tr", { dataset: { day: d.day } }, elt("td", {}, d.day), elt("td", { className: "kg" }, fmt(d.kg)), elt("td", {}, String(d.hours))));
  }
  if (s.days.length > 1) {
    const xs = s.days.map((d) => Date.parse(`${d.day}T12:00:00+08:00`) / 1000);
    const bars = uPlot.paths.bars({ size: [0.6, 60] });
    EM.dayChart = new uPlot({
      width: Math.max(280, el.clientWidth || 600), height: 160,
      series: [{}, { label: `${SP.quantityTitle(s.rate)} · kg/${SP.t("bureau.perDay")}`, stroke: "#2c7fb8", fill: "rgba(44, 127, 184, .35)", paths: bars, points: { show: false } }],
      scales: { x: { time: true } }, axes: [{}, { label: "kg" }],
    }, [xs, s.days.map((d) => d.kg)], el);
  }
}

async function loadSeries() {
  const { point, p } = EM.selected;
  const q = new URLSearchParams({ park: point.park, enterprise: point.enterprise, device: point.device, sensor: p.sensor, quantity: p.measured, days: String(EM.days) });
  const s = await SP.json(`api/bureau/emissions/series?${q}`);
  em$("em-detail-limit").textContent = limitText(s.limit);
  drawChart(s);
  const flagged = s.hours.filter((h) => h.flag !== "N");
  em$("em-flags").replaceChildren(...flagged.map((h) => elt("li", { dataset: { flag: h.flag } }, `${hourText(h.ts)} · ${h.flag} ${flagTitle(h.flag)}`)));
  drawDays(s);
}

for (const b of document.querySelectorAll(".em-range button")) {
  b.onclick = async () => {
    EM.days = Number(b.dataset.days);
    for (const o of document.querySelectorAll(".em-range button")) o.setAttribute("aria-pressed", String(o === b));
    if (EM.selected) await loadSeries();
  };
}

SP.onReconnected(loadEmissions);

(async () => {
  await SP.ready;
  try { await loadEmissions(); } catch { em$("em-empty").hidden = false; em$("em-empty").textContent = SP.t("bureau.unavailable"); }
  // Hourly values change on the hour: read again every five minutes rather than on every reading.
  setInterval(() => loadEmissions().catch(() => {}), 5 * 60 * 1000);
})();
