// A district's evaluation scheme (/efficiency/districts/{district}/scheme): scoring method,
// indicators with weights and benchmarks (and the set below the size threshold), ranking group,
// grades by rank share or score band, low-efficiency grades, allocation tiers. The district's
// official saves it from a first year on; the server validates and answers every error with
// its JSON path, or 409 when someone saved the same year since. DOM through elt()/textContent only.
"use strict";

const districtId = decodeURIComponent(location.pathname.split("/")[3] ?? "");
const api = `api/efficiency/districts/${encodeURIComponent(districtId)}/scheme`;
const $ = (id) => document.getElementById(id);

let view = null; // the scheme view as last loaded
let grades = []; // [{ grade, sharePercent, minScore, low }]
let tiers = []; // [{ id, grades: "A, B", zh, en }]

const numberOrNull = (input) => (input.value === "" ? null : Number(input.value));
const title = (indicator) => (SP.lang === "en" ? indicator.titleEn : indicator.titleZh);
const formula = (indicator) => (SP.lang === "en" ? indicator.formulaEn : indicator.formulaZh);

function fillSelect(select, values, keyPrefix) {
  select.replaceChildren(...values.map((v) => new Option(SP.t(`${keyPrefix}.${v}`), v)));
}

// One row per catalogue indicator: used or not, weight, benchmark, unit and direction.
function buildIndicatorTable(table, used) {
  const byId = new Map(used.map((u) => [u.id, u]));
  const head = elt("tr", {}, ...["scheme.col.use", "scheme.col.indicator", "scheme.col.weight", "scheme.col.benchmark", "scheme.col.unit", "scheme.col.direction"]
    .map((k) => elt("th", {}, SP.t(k))));
  const rows = view.indicators.map((indicator) => {
    const u = byId.get(indicator.id);
    const use = elt("input", { type: "checkbox", checked: !!u, dataset: { id: indicator.id } });
    const weight = elt("input", { type: "number", step: "any", min: "0", value: u ? String(u.weight) : "" });
    const benchmark = elt("input", { type: "number", step: "any", min: "0", value: u?.benchmark != null ? String(u.benchmark) : "" });
    const row = elt("tr", { className: u ? "" : "unused", title: formula(indicator) },
      elt("td", {}, use), elt("td", {}, title(indicator)), elt("td", {}, weight), elt("td", {}, benchmark),
      elt("td", { className: "unit" }, indicator.unit),
      elt("td", { className: "direction" }, SP.t(indicator.higherIsBetter ? "scheme.higher" : "scheme.lower")));
    const sync = () => { row.className = use.checked ? "" : "unused"; drawWeightBars(); };
    use.onchange = sync;
    weight.oninput = drawWeightBars;
    row.readValue = () => (use.checked ? { id: indicator.id, weight: Number(weight.value || 0), benchmark: numberOrNull(benchmark) } : null);
    return row;
  });
  table.replaceChildren(elt("thead", {}, head), elt("tbody", {}, ...rows));
  table.readIndicators = () => rows.map((r) => r.readValue()).filter((v) => v).map((v) => (v.benchmark == null ? { id: v.id, weight: v.weight } : v));
}

// A stacked bar of shares (weights of indicators, or grade shares), labelled inside.
function drawBar(bar, parts) {
  const total = parts.reduce((s, p) => s + (p.value > 0 ? p.value : 0), 0);
  bar.replaceChildren(...parts.filter((p) => p.value > 0).map((p) => {
    const span = elt("span", { title: `${p.label} ${p.value}` }, `${p.label} ${p.value}`);
    span.style.flexBasis = `${(100 * p.value) / Math.max(total, 100)}%`;
    return span;
  }));
}

function drawWeightBars() {
  const label = (id) => title(view.indicators.find((i) => i.id === id));
  drawBar($("weight-bar"), $("indicators").readIndicators().map((i) => ({ label: label(i.id), value: i.weight })));
  drawBar($("small-weight-bar"), $("small-indicators").readIndicators().map((i) => ({ label: label(i.id), value: i.weight })));
}

function renderGrades() {
  const byShare = $("grading-method").value === "rank-share";
  const head = elt("tr", {}, ...["scheme.col.grade", byShare ? "scheme.col.share" : "scheme.col.minScore", "scheme.col.low", ""].map((k) => elt("th", {}, k ? SP.t(k) : "")));
  const rows = grades.map((g, i) => {
    const letter = elt("input", { type: "text", value: g.grade, maxLength: 16 });
    const last = i === grades.length - 1;
    const amount = elt("input", { type: "number", step: "any", min: "0", value: String((byShare ? g.sharePercent : g.minScore) ?? "") });
    if (!byShare && last) { amount.disabled = true; amount.placeholder = SP.t("scheme.anyLower"); }
    const low = elt("input", { type: "checkbox", checked: !!g.low });
    const remove = elt("button", { type: "button", className: "small" }, SP.t("scheme.remove"));
    letter.oninput = () => { g.grade = letter.value; drawGradeBar(); };
    amount.oninput = () => { if (byShare) g.sharePercent = numberOrNull(amount); else g.minScore = numberOrNull(amount); drawGradeBar(); };
    low.onchange = () => { g.low = low.checked; };
    remove.onclick = () => { grades.splice(i, 1); renderGrades(); };
    return elt("tr", {}, elt("td", {}, letter), elt("td", {}, amount), elt("td", {}, low), elt("td", {}, remove));
  });
  $("grades").replaceChildren(elt("thead", {}, head), elt("tbody", {}, ...rows));
  drawGradeBar();
  lockIfReadOnly();
}

function drawGradeBar() {
  const byShare = $("grading-method").value === "rank-share";
  $("grade-bar").hidden = !byShare;
  if (byShare) drawBar($("grade-bar"), grades.map((g) => ({ label: g.grade, value: g.sharePercent ?? 0 })));
}

function renderTiers() {
  const head = elt("tr", {}, ...["scheme.col.tierId", "scheme.col.tierGrades", "scheme.col.tierZh", "scheme.col.tierEn", ""].map((k) => elt("th", {}, k ? SP.t(k) : "")));
  const rows = tiers.map((tier, i) => {
    const cell = (key) => {
      const input = elt("input", { type: "text", value: tier[key] ?? "" });
      input.oninput = () => { tier[key] = input.value; if (key === "id") fillNotGradedTier(); };
      return elt("td", {}, input);
    };
    const remove = elt("button", { type: "button", className: "small" }, SP.t("scheme.remove"));
    remove.onclick = () => { tiers.splice(i, 1); renderTiers(); };
    return elt("tr", {}, cell("id"), cell("grades"), cell("zh"), cell("en"), elt("td", {}, remove));
  });
  $("tiers").replaceChildren(elt("thead", {}, head), elt("tbody", {}, ...rows));
  fillNotGradedTier();
  lockIfReadOnly();
}

function fillNotGradedTier(selected) {
  const select = $("not-graded-tier");
  const keep = selected ?? select.value;
  select.replaceChildren(new Option(SP.t("scheme.noTier"), ""), ...tiers.filter((t) => t.id).map((t) => new Option(t.id, t.id)));
  select.value = tiers.some((t) => t.id === keep) ? keep : "";
}

function show(v) {
  view = v;
  const s = v.scheme;
  const name = SP.localName(v.districtNameZh, v.districtNameEn);
  $("scheme-title").textContent = SP.t("scheme.titleOf", { district: name });
  $("scheme-source").textContent = v.isDefault ? SP.t("scheme.isDefault", { year: v.year }) : SP.t("scheme.fromStored", { year: v.year, from: v.fromYear, version: v.version });
  $("year").value = String(v.year);
  $("from-year").value = String(v.fromYear ?? v.year);
  fillSelect($("scoring-method"), v.vocabulary.scoringMethods, "scheme.method");
  fillSelect($("ranking-group"), v.vocabulary.rankingGroups, "scheme.group");
  fillSelect($("grading-method"), v.vocabulary.gradingMethods, "scheme.grading");
  $("scoring-method").value = s.scoringMethod;
  $("benchmark-cap").value = String(s.benchmarkCap);
  $("ranking-group").value = s.rankingGroup;
  $("grading-method").value = s.grading.method;
  buildIndicatorTable($("indicators"), s.indicators);
  $("small-on").checked = !!s.belowSizeThreshold;
  $("small-revenue").value = s.belowSizeThreshold ? String(s.belowSizeThreshold.revenueBelow) : "2000";
  buildIndicatorTable($("small-indicators"), s.belowSizeThreshold?.indicators ?? []);
  $("small-part").hidden = !s.belowSizeThreshold;
  grades = s.grading.grades.map((g) => ({ ...g, low: s.lowEfficiencyGrades.includes(g.grade) }));
  tiers = s.tiers.map((t) => ({ id: t.id, grades: t.grades.join(", "), zh: t.zh, en: t.en }));
  renderGrades();
  renderTiers();
  fillNotGradedTier(s.notGradedTier ?? "");
  showMethodHelp();
  drawWeightBars();
  lockIfReadOnly();
  $("scheme-save").hidden = !v.canEdit;
  $("read-only").hidden = v.canEdit;
}

// Who may only read (a city official) sees the scheme in the same form, every control disabled.
function lockIfReadOnly() {
  if (view?.canEdit) return;
  for (const e of document.querySelectorAll("#scheme-form input, #scheme-form select, #scheme-form button")) e.disabled = true;
}

function showMethodHelp() {
  $("method-help").textContent = SP.t(`scheme.methodHelp.${$("scoring-method").value}`);
}

function read() {
  const byShare = $("grading-method").value === "rank-share";
  const scheme = {
    scoringMethod: $("scoring-method").value,
    benchmarkCap: Number($("benchmark-cap").value || 0),
    indicators: $("indicators").readIndicators(),
    rankingGroup: $("ranking-group").value,
    grading: {
      method: $("grading-method").value,
      grades: grades.map((g, i) => (byShare ? { grade: g.grade, sharePercent: g.sharePercent ?? 0 }
        : i === grades.length - 1 ? { grade: g.grade } : { grade: g.grade, minScore: g.minScore ?? 0 })),
    },
    lowEfficiencyGrades: grades.filter((g) => g.low).map((g) => g.grade),
    tiers: tiers.map((t) => ({ id: t.id, grades: t.grades.split(/[,，\s]+/).filter((g) => g), zh: t.zh, en: t.en })),
  };
  if ($("small-on").checked) scheme.belowSizeThreshold = { revenueBelow: Number($("small-revenue").value || 0), indicators: $("small-indicators").readIndicators() };
  if ($("not-graded-tier").value) scheme.notGradedTier = $("not-graded-tier").value;
  return scheme;
}

async function save() {
  const status = $("scheme-status");
  const errors = $("scheme-errors");
  errors.replaceChildren();
  $("conflict").hidden = true;
  const fromYear = Number($("from-year").value);
  // The version of the row being replaced: that year's stored row, else none (0).
  const version = view.stored.find((r) => r.fromYear === fromYear)?.version ?? 0;
  const r = await EditForms.send("PUT", api, { fromYear, version, scheme: read() });
  if (r.ok) {
    show(r.body);
    EditForms.status(status, "saved", "edit.saved");
  } else if (r.status === 409 && r.body?.current) {
    const by = r.body.changedBy;
    $("conflict-text").textContent = by ? SP.t("edit.conflict", { actor: by.actor, at: EditForms.when(by.at) }) : SP.t("edit.conflictUnknown");
    $("conflict").hidden = false;
    EditForms.status(status, "failed", "edit.conflictShort");
  } else if (r.status === 400 && r.body?.errors) {
    errors.replaceChildren(...r.body.errors.map((e) => elt("li", {}, e.code === "scheme" ? e.message : `${e.field}: ${EditForms.errorText(e)}`)));
    EditForms.status(status, "failed", "edit.invalid");
  } else {
    EditForms.status(status, "failed", "edit.failed", { status: r.status });
  }
}

async function load(year) {
  show(await SP.json(year ? `${api}?year=${encodeURIComponent(year)}` : api));
}

(async () => {
  await SP.ready;
  $("scheme-form").onsubmit = (ev) => { ev.preventDefault(); save(); };
  $("grading-method").onchange = renderGrades;
  $("scoring-method").onchange = showMethodHelp;
  $("small-on").onchange = () => { $("small-part").hidden = !$("small-on").checked; };
  $("grade-add").onclick = () => { grades.push({ grade: "", sharePercent: 0, minScore: null, low: false }); renderGrades(); };
  $("tier-add").onclick = () => { tiers.push({ id: "", grades: "", zh: "", en: "" }); renderTiers(); };
  $("year").onchange = () => load($("year").value);
  $("conflict-reload").onclick = () => { $("conflict").hidden = true; load($("from-year").value); };
  try {
    await load(new URLSearchParams(location.search).get("year"));
  } catch {
    $("scheme-source").textContent = SP.t("edit.loadFailed");
  }
})();
