// District sheet import: pick the district, choose the sheets (an XLSX workbook, or park and
// enterprise CSVs), check them (a dry run that lists every bad row), then import. The import
// button is enabled only by a clean check of the same files, and the server checks again anyway.
"use strict";

const i$ = (id) => document.getElementById(id);
let districts = [];

const districtName = (d) => (SP.lang === "en" ? d.nameEn : d.nameZh);

function showDistrict() {
  const id = i$("i-district").value;
  const base = `api/supervision/districts/${encodeURIComponent(id)}`;
  i$("i-xlsx").href = `${base}/parks.xlsx`;
  i$("i-csv").href = `${base}/parks.csv`;
  i$("i-ecsv").href = `${base}/enterprises.csv`;
  const d = districts.find((x) => x.id === id);
  i$("i-minimum").hidden = !(d && d.minimumParkHectares);
  if (d && d.minimumParkHectares) i$("i-minimum").textContent = SP.t("import.minimum", { ha: d.minimumParkHectares });
  reset();
}

function reset() {
  i$("i-import").disabled = true;
  i$("i-status").textContent = "";
  i$("i-problems").hidden = true;
  i$("i-ignored").hidden = true;
}

function counts(report) {
  const c = (x) => SP.t("import.counts", { created: x.created, updated: x.updated, unchanged: x.unchanged });
  return `${SP.t("import.parks")}: ${c(report.parks)}; ${SP.t("import.enterprises")}: ${c(report.enterprises)}`;
}

function showProblems(problems) {
  const body = i$("i-problems").querySelector("tbody");
  body.replaceChildren();
  for (const p of problems) {
    const vars = { column: p.column ?? "", value: p.value ?? "", detail: p.detail ?? "" };
    const key = `import.problem.${p.code}`;
    const reason = SP.t(key, vars) === key ? p.message : SP.t(key, vars);
    const tr = elt("tr", { dataset: { code: p.code, row: String(p.row) } },
      elt("td", {}, p.sheet), elt("td", { className: "count" }, p.row > 0 ? String(p.row) : "—"), elt("td", {}, p.column ?? "—"), elt("td", {}, reason));
    body.appendChild(tr);
  }
  i$("i-problems").hidden = problems.length === 0;
}

async function send(dryRun) {
  const files = i$("i-files").files;
  if (files.length === 0) { i$("i-status").textContent = SP.t("import.chooseFiles"); return; }
  const body = new FormData();
  for (const f of files) body.append("sheets", f, f.name);
  const af = await SP.antiforgery();
  i$("i-status").textContent = SP.t("import.working");
  i$("i-import").disabled = true;
  const url = `api/supervision/districts/${encodeURIComponent(i$("i-district").value)}/parks/import${dryRun ? "?dryRun=true" : ""}`;
  const r = await fetch(url, { method: "POST", headers: { [af.header]: af.token }, body });
  if (r.status !== 200 && r.status !== 422) {
    i$("i-status").textContent = SP.t(r.status === 413 ? "import.tooLarge" : r.status === 409 ? "import.conflict" : "import.failed", { status: r.status });
    return;
  }
  const report = await r.json();
  showProblems(report.problems);
  i$("i-ignored").hidden = report.ignoredColumns.length === 0;
  i$("i-ignored").textContent = SP.t("import.ignored", { columns: report.ignoredColumns.join("、") });
  if (report.problems.length > 0) {
    i$("i-status").textContent = SP.t("import.bad", { count: report.problems.length });
    i$("i-status").dataset.result = "problems";
  } else if (dryRun) {
    i$("i-status").textContent = `${SP.t("import.ready")} ${counts(report)}`;
    i$("i-status").dataset.result = "checked";
    i$("i-import").disabled = false;
  } else {
    i$("i-status").textContent = `${SP.t("import.done")} ${counts(report)}`;
    i$("i-status").dataset.result = "imported";
  }
}

(async () => {
  await SP.ready;
  districts = await SP.json("api/supervision/import/districts");
  const select = i$("i-district");
  for (const d of districts) select.appendChild(new Option(`${districtName(d)} (${SP.lang === "en" ? d.cityEn : d.cityZh})`, d.id));
  const asked = new URLSearchParams(location.search).get("district");
  if (asked && districts.some((d) => d.id === asked)) select.value = asked;
  i$("i-nodistrict").hidden = districts.length > 0;
  i$("i-form").hidden = districts.length === 0;
  select.onchange = showDistrict;
  i$("i-files").onchange = reset;
  i$("i-form").onsubmit = (e) => { e.preventDefault(); send(true); };
  i$("i-import").onclick = () => send(false);
  if (districts.length > 0) showDistrict();
})();
