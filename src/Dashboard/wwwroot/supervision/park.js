// A park's supervision page: its facts, its monitoring status now, and each renovation project
// with a stage timeline (planned against actual; overdue in red).
"use strict";

(async () => {
  await SP.ready;
  const park = SV.subject();
  const api = "api/supervision/parks/" + encodeURIComponent(park);
  try {
    const [facts, status, projects] = await Promise.all([SP.json(api + "/facts"), SP.json(api + "/status"), SP.json(api + "/projects")]);
    const p = facts.park;
    document.getElementById("sv-title").textContent = SV.name(p.nameZh, p.nameEn);
    document.getElementById("sv-subtitle").textContent = [SV.name(facts.district.nameZh, facts.district.nameEn), p.township, p.villageCollective].filter((x) => x).join(" · ");
    const edit = document.getElementById("sv-edit");
    edit.href = "supervision/parks/" + encodeURIComponent(p.id) + "/edit";
    edit.hidden = !facts.canEdit;
    const back = document.getElementById("sv-district-link");
    back.href = "supervision/districts/" + encodeURIComponent(p.districtId);
    back.textContent = SV.t("sv.backToDistrict", { district: SV.name(facts.district.nameZh, facts.district.nameEn) });

    const yesNo = (b) => SV.t(b ? "sv.yes" : "sv.no");
    const rows = [
      ["sv.category", SV.categoryLabel(p.category)],
      ["sv.batch", p.batch ?? "—"],
      ["sv.decisionDate", p.decisionDate ?? "—"],
      ["sv.areaHa", SV.ha(p.landAreaHectares)],
      ["sv.leadingIndustry", p.leadingIndustry],
      ["sv.address", p.address ?? "—"],
      ["sv.coordinates", p.latitude != null ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` : "—"],
      ["sv.landOwnership", SV.t("sv.land." + p.landOwnership)],
      ["sv.landProcedures", SV.t("sv.procedure." + p.landProcedures)],
      ["sv.planning", SV.t("sv.procedure." + p.planningStatus)],
      ["sv.eia", SV.t("sv.procedure." + p.environmentalAssessmentStatus)],
      ["sv.sanjiu", yesNo(p.inSanjiuMap)],
      ["sv.industrialBlock", p.industrialBlock ?? "—"],
      ["sv.enterprises", String(facts.enterprises.length)],
    ];
    document.getElementById("sv-facts").replaceChildren(...rows.flatMap(([k, v]) => [elt("dt", {}, SV.t(k)), elt("dd", {}, v)]));

    const s = status;
    const powered = s.shutDownDrawingPower.map((e) => elt("li", { className: "attention" }, SV.t("sv.poweredOne", { name: SV.name(e.nameZh, e.nameEn), kw: e.powerKw.toFixed(1), floor: e.noiseFloorKw })));
    document.getElementById("sv-status").replaceChildren(
      elt("ul", { className: "sv-status-list" },
        elt("li", {}, SV.t("sv.openAlerts", { critical: s.openAlerts.critical ?? 0, warning: s.openAlerts.warning ?? 0, info: s.openAlerts.info ?? 0 })),
        elt("li", {}, SV.t("sv.status.devices", { online: s.devicesOnline, total: s.devicesTotal })),
        elt("li", {}, SV.t("sv.exceedancesQuarter", { n: s.exceedancesThisQuarter ?? "?", since: s.quarterStart.slice(0, 10) })),
        powered.length ? null : elt("li", {}, SV.t("sv.noPowered")),
        ...powered));

    document.getElementById("sv-no-projects").hidden = projects.length > 0;
    document.getElementById("sv-projects").replaceChildren(...projects.map((pr) => elt("article", { className: "sv-project" + (pr.overdue ? " overdue" : ""), dataset: { project: pr.id } },
      elt("h4", {}, SV.name(pr.nameZh, pr.nameEn), " ", elt("span", { className: "sv-tag" }, SV.categoryLabel(pr.kind)),
        " ", elt("span", { className: "sv-tag" }, pr.complete ? SV.t("sv.stage.completed") : SV.t("sv.currentStage", { stage: SV.stageLabel(pr.currentStage) }))),
      elt("p", {}, SV.t("sv.projectFigures", {
        area: SV.ha(pr.areaHectares),
        planned: pr.plannedInvestment ?? "—",
        actual: pr.actualInvestment ?? "—",
      })),
      elt("ol", { className: "sv-timeline" }, ...pr.stages.map((st) => elt("li", {
        className: "sv-step " + (st.done ? "done" : st.overdue ? "overdue" : "pending"), dataset: { stage: st.kind },
      },
        elt("div", { className: "sv-step-name" }, SV.stageLabel(st.kind)),
        elt("div", {}, SV.t("sv.plannedOn", { date: st.plannedDate ?? "—" })),
        elt("div", {}, SV.t("sv.actualOn", { date: st.actualDate ?? "—" })),
        st.overdue ? elt("div", { className: "late" }, SV.t("sv.overdueMark")) : null,
        st.note ? elt("div", { className: "sv-note" }, st.note) : null))))));
    document.getElementById("sv-park").dataset.loaded = "1";
  } catch (e) { SV.fail(e); }
})();
