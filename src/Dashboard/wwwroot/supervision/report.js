// The quarterly report of a district, printable: the same tables as the workbook, from
// api/supervision/districts/{district}/reports/{year}-Q{quarter}, in the page's language.
// Every value goes into the DOM as text (elt / textContent).
"use strict";

const r$ = (id) => document.getElementById(id);
const [, , , district, , year, quarter] = location.pathname.split("/").map(decodeURIComponent);
const apiBase = `api/supervision/districts/${encodeURIComponent(district)}/reports`;
const quarterName = `${year}-Q${quarter}`;
const en = SP.lang === "en";

const num = (v, digits = 2) => (v == null ? "—" : Number(v).toLocaleString(SP.lang, { maximumFractionDigits: digits }));
const text = (v) => (v == null || v === "" ? "—" : v);
// A name in the page's language first, the other language after it.
const name = (zh, enName) => {
  const [first, second] = en && enName ? [enName, zh] : [zh, enName];
  return second && second !== first ? elt("span", {}, first, " ", elt("small", {}, second)) : first;
};
const category = (c) => SP.t(`report.category.${c ?? "none"}`);
const stage = (k) => SP.t(`report.stage.${k}`);
const status = (s) => SP.t(`report.status.${s}`);

function cell(value, numeric = false, props = {}) {
  return elt("td", { ...props, className: numeric ? "num" : "" }, value);
}

function fill(table, headKeys, rows) {
  const head = elt("thead", {}, elt("tr", {}, ...headKeys.map((k) => elt("th", { scope: "col" }, SP.t(k)))));
  const body = elt("tbody", {}, ...rows);
  if (rows.length === 0) body.append(elt("tr", {}, elt("td", { colSpan: headKeys.length }, SP.t("report.none"))));
  table.replaceChildren(head, body);
}

function showSummary(r) {
  const s = r.summary;
  const rows = [
    ["report.district", name(r.district.nameZh, r.district.nameEn)],
    ["report.city", name(r.district.cityNameZh, r.district.cityNameEn)],
    ["report.quarter", `${r.quarter} (${r.periodStart} – ${r.periodEnd})`],
    ["report.asOf", r.asOf],
    ["report.parkCount", s.parks, true],
    ["report.area", num(s.areaHectares), true],
    ["report.projectCount", s.projects, true],
    ["report.projectsCompleted", s.projectsCompleted, true],
    ["report.projectsBehind", s.projectsBehind, true],
    ["report.renovated", num(s.renovatedKm2, 4), true],
    ["report.target", num(s.targetKm2, 4), true],
    ["report.targetShare", num(s.targetSharePercent), true],
    ["report.plannedInvestment", num(s.plannedInvestment), true],
    ["report.actualInvestment", num(s.actualInvestment), true],
    ["report.emission", s.emissionExceedances, true],
    ["report.shutDownPower", s.shutDownDrawingPower, true],
    ["report.fire", s.fireAlarms, true],
    ["report.downtimeHours", num(s.downtimeHours), true],
  ];
  fill(r$("r-summary"), ["report.item", "report.value"],
    rows.map(([key, value, numeric]) => elt("tr", {}, elt("th", { scope: "row" }, SP.t(key)), cell(value, numeric))));
  const share = Math.max(0, Math.min(100, s.targetSharePercent ?? 0));
  r$("r-target").value = share;
  r$("r-target-text").textContent = s.targetKm2 == null ? SP.t("report.noTarget")
    : SP.t("report.targetText", { done: num(s.renovatedKm2, 4), target: num(s.targetKm2, 4), share: num(s.targetSharePercent) });
  fill(r$("r-categories"), ["report.category", "report.batch", "report.parkCount", "report.area"],
    r.categories.map((c) => elt("tr", {}, cell(category(c.category)), cell(text(c.batch), true), cell(c.parks, true), cell(num(c.areaHectares), true))));
}

function showParks(r) {
  fill(r$("r-parks"), ["report.parkId", "report.park", "report.township", "report.category", "report.batch", "report.area", "report.enterprises", "report.industry"],
    r.parks.map((p) => elt("tr", { dataset: { park: p.id } },
      cell(p.id), cell(name(p.nameZh, p.nameEn)), cell(text(p.township)), cell(category(p.category)), cell(text(p.batch), true),
      cell(num(p.areaHectares), true), cell(p.enterprises, true), cell(p.leadingIndustry))));
}

function showProjects(r) {
  const rows = [];
  for (const p of r.projects) {
    const stages = p.stages.length ? p.stages : [null];
    stages.forEach((s, i) => rows.push(elt("tr", { dataset: { project: String(p.id), status: s?.status ?? "" } },
      cell(i === 0 ? name(p.parkNameZh, p.parkNameEn) : ""), cell(i === 0 ? name(p.nameZh, p.nameEn) : ""),
      cell(i === 0 ? category(p.kind) : ""), cell(i === 0 ? num(p.areaHectares) : "", true),
      cell(i === 0 ? num(p.plannedInvestment) : "", true), cell(i === 0 ? num(p.actualInvestment) : "", true),
      cell(s ? stage(s.kind) : "—"), cell(text(s?.planned)), cell(text(s?.actual)), cell(s ? status(s.status) : "—"))));
  }
  fill(r$("r-projects"), ["report.park", "report.project", "report.kind", "report.area", "report.plannedInvestment", "report.actualInvestment",
    "report.stage", "report.planned", "report.actual", "report.status"], rows);
}

function showBehind(r) {
  fill(r$("r-behind"), ["report.park", "report.project", "report.overdueStages", "report.earliestPlanned", "report.daysOverdue"],
    r.behind.map((b) => elt("tr", { dataset: { project: String(b.projectId), status: "overdue" } },
      cell(name(b.parkNameZh, b.parkNameEn)), cell(name(b.nameZh, b.nameEn)), cell(b.overdueStages.map(stage).join("、")),
      cell(b.earliestPlanned), cell(b.daysOverdue, true))));
}

function showFindings(r) {
  fill(r$("r-findings"), ["report.park", "report.emission", "report.shutDownPower", "report.fire", "report.devicesOffline", "report.downtimeHours"],
    r.findings.map((f) => elt("tr", { dataset: { park: f.parkId } },
      cell(name(f.parkNameZh, f.parkNameEn)), cell(f.emissionExceedances, true), cell(f.shutDownDrawingPower, true),
      cell(f.fireAlarms, true), cell(f.devicesOffline, true), cell(num(f.downtimeHours), true))));
  fill(r$("r-downtime"), ["report.park", "report.enterprise", "report.device", "report.outages", "report.downtimeHours"],
    r.downtime.map((d) => elt("tr", { dataset: { device: d.device } },
      cell(name(d.parkNameZh, d.parkNameEn)), cell(name(d.enterpriseNameZh ?? d.enterpriseId ?? "—", d.enterpriseNameEn)),
      cell(d.device), cell(d.outages, true), cell(num(d.hours), true))));
}

// The quarter's metered energy per park and in all; a park without meters shows dashes, not zeros.
function showEnergy(r) {
  const rows = r.energy.parks.map((e) => elt("tr", { dataset: { park: e.parkId } },
    cell(name(e.parkNameZh, e.parkNameEn)), cell(num(e.kwh, 1), true), cell(num(e.tce, 3), true),
    cell(e.coverage == null ? "—" : `${num(e.coverage * 100, 1)} %`, true)));
  if (rows.length) rows.push(elt("tr", { className: "total" }, cell(SP.t("report.total")), cell(num(r.energy.kwh, 1), true), cell(num(r.energy.tce, 3), true), cell("")));
  fill(r$("r-energy"), ["report.park", "report.kwh", "report.tce", "report.coverage"], rows);
  showEfficiency(r.efficiency);
}

// The last full year's evaluation: grades, low-efficiency land, agreement breaches (none: the year had no figures).
function showEfficiency(e) {
  r$("r-efficiency-none").hidden = e != null;
  if (e) r$("r-efficiency-title").textContent = SP.t("report.efficiencyOf", { year: e.year });
  const grades = e ? e.grades.map((g) => elt("tr", { dataset: { grade: g.grade } }, cell(g.grade), cell(g.enterprises, true), cell(SP.t(g.lowEfficiency ? "report.yes" : "report.no"))))
    .concat([elt("tr", {}, cell(SP.t("report.notGraded")), cell(e.notGraded, true), cell(""))]) : [];
  fill(r$("r-grades"), ["report.grade", "report.enterprises", "report.lowEfficiencyGrade"], grades);
  const low = e ? e.lowEfficiency.map((l) => elt("tr", { dataset: { park: l.parkId, enterprise: l.enterpriseId } },
    cell(name(l.parkNameZh, l.parkNameEn)), cell(name(l.enterpriseNameZh, l.enterpriseNameEn)), cell(l.grade), cell(num(l.score), true), cell(num(l.landMu), true))) : [];
  if (low.length) low.push(elt("tr", { className: "total" }, cell(SP.t("report.total")), cell(""), cell(""), cell(""), cell(num(e.lowEfficiencyMu), true)));
  fill(r$("r-low-efficiency"), ["report.park", "report.enterprise", "report.grade", "report.score", "report.landMu"], low);
  fill(r$("r-breaches"), ["report.park", "report.enterprise", "report.agreementTarget", "report.promised", "report.achieved"],
    e ? e.breaches.map((b) => elt("tr", { dataset: { park: b.parkId, enterprise: b.enterpriseId, target: b.target } },
      cell(name(b.parkNameZh, b.parkNameEn)), cell(name(b.enterpriseNameZh, b.enterpriseNameEn)), cell(en ? b.targetEn : b.targetZh),
      cell(`${num(b.promised, 4)} ${b.unit ?? ""}`, true), cell(b.achieved == null ? "—" : `${num(b.achieved, 4)} ${b.unit ?? ""}`, true))) : []);
}

async function showStored() {
  const list = await SP.json(apiBase);
  const select = r$("r-stored");
  const quarters = list.stored.map((s) => s.quarter);
  if (!quarters.includes(quarterName)) quarters.unshift(quarterName);
  select.replaceChildren(...quarters.map((q) => new Option(q + (list.stored.some((s) => s.quarter === q) ? "" : ` (${SP.t("report.onDemand")})`), q)));
  select.value = quarterName;
  select.onchange = () => {
    const [y, q] = select.value.split("-Q");
    location.href = `supervision/districts/${encodeURIComponent(district)}/reports/${y}/${q}`;
  };
}

// Hazard rectification: the quarter's orders and those overdue as of its last day (most days late first).
function showRectification(r) {
  const x = r.rectification ?? { issued: 0, closed: 0, openAtEnd: 0, overdue: 0, overdueOrders: [] };
  r$("r-rectification-counts").textContent = SP.t("report.rectificationCounts", { issued: String(x.issued), closed: String(x.closed), open: String(x.openAtEnd), overdue: String(x.overdue) });
  fill(r$("r-rectification"), ["report.park", "report.enterprise", "rectification.hazard", "rectification.description", "rectification.deadline", "rectification.state", "report.daysOverdue"],
    x.overdueOrders.map((o) => elt("tr", { dataset: { order: String(o.orderId), status: "overdue" } },
      cell(name(o.parkNameZh, o.parkNameEn)), cell(name(o.enterpriseNameZh ?? o.enterpriseId, o.enterpriseNameEn)),
      cell(SP.t("rectification.hazard." + o.hazard)), cell(o.description), cell(o.deadline), cell(SP.t("rectification.state." + o.state)), cell(o.daysOverdue, true))));
}

async function main() {
  await SP.ready;
  r$("r-download").href = `${apiBase}/${quarterName}.xlsx`;
  r$("r-download").setAttribute("download", `${district}-${quarterName}.xlsx`);
  r$("r-print").onclick = () => window.print();
  r$("r-status").textContent = SP.t("report.loading");
  try {
    const [report] = await Promise.all([SP.json(`${apiBase}/${quarterName}`), showStored()]);
    r$("r-title").textContent = SP.t("report.heading", { district: en ? report.district.nameEn : report.district.nameZh, quarter: report.quarter });
    document.title = r$("r-title").textContent;
    r$("r-period").textContent = SP.t("report.period", { from: report.periodStart, to: report.periodEnd, asOf: report.asOf });
    showSummary(report);
    showParks(report);
    showProjects(report);
    showBehind(report);
    showFindings(report);
    showEnergy(report);
    showRectification(report);
    r$("r-status").textContent = "";
    document.body.dataset.loaded = "1";
  } catch (e) {
    r$("r-status").textContent = SP.t("report.unavailable", { error: e.message });
  }
}

main();
