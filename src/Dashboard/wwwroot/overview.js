// Park overview: a tile per enterprise (status, live power and VOC, fire, today's energy), the park
// plan coloured by status, and open alerts by severity. The server coalesces tile updates ("tiles");
// after a reconnect the page re-reads the whole overview. Today's kWh and kgce come from the stored
// quarter hours, read when the park opens and every few minutes, not with each live reading.
"use strict";

const Overview = (() => {
  const tiles = new Map(); // enterprise -> tile
  let park = null;
  let pending = null; // pushes that arrive while the overview is being fetched
  const energyToday = new Map(); // enterprise -> { kwh, kgce } since CST midnight
  const ENERGY_REFRESH_MS = 5 * 60e3;
  let energyTimer = null;
  const ov = (id) => document.getElementById(id);
  const num = (v, digits = 1) => (v == null ? "—" : Number(v).toFixed(digits));

  function renderCounts(counts) {
    ov("alert-counts").textContent = SP.t("overview.counts", { critical: counts.critical ?? 0, warning: counts.warning ?? 0, info: counts.info ?? 0 });
    ov("alert-counts").dataset.critical = counts.critical ?? 0;
  }

  function tileElement(t) {
    const figure = (cls, unit) => elt("div", { className: cls }, elt("span", { className: "label" }), " ", elt("span", { className: "v" }), unit ? " " + unit : null);
    const div = elt("div", { className: "tile", dataset: { enterprise: t.enterprise, status: t.status } },
      elt("h3", {}, elt("a")), elt("span", { className: "status" }),
      figure("power", "kW"), figure("voc", "mg/m³"), figure("fire"), figure("today"), elt("div", { className: "devices" }));
    const link = div.querySelector("h3 a");
    link.textContent = SP.localName(t.name, t.nameEn);
    link.href = `parks/${encodeURIComponent(t.park)}/enterprises/${encodeURIComponent(t.enterprise)}`;
    div.querySelector(".status").textContent = SP.t("status." + t.status);
    div.querySelector(".power .label").textContent = SP.t("overview.power");
    div.querySelector(".power .v").textContent = num(t.powerKw);
    div.querySelector(".voc .label").textContent = t.vocQuantity ? SP.quantityTitle(t.vocQuantity) : SP.t("overview.voc");
    div.querySelector(".voc .v").textContent = num(t.voc, 2);
    div.querySelector(".fire").dataset.fire = t.fire;
    div.querySelector(".fire .label").textContent = SP.t("overview.fire");
    div.querySelector(".fire .v").textContent = SP.t(t.fire ? "overview.fireAlarm" : "overview.fireNone");
    const energy = energyToday.get(t.enterprise);
    div.querySelector(".today .label").textContent = SP.t("overview.today");
    div.querySelector(".today .v").textContent = SP.t("overview.todayValue", { kwh: num(energy?.kwh), kgce: num(energy?.kgce) });
    div.querySelector(".devices").textContent = SP.t("overview.devices", { online: t.devicesOnline, offline: t.devicesOffline });
    div.querySelector(".devices").before(...dischargeLines(t.discharge ?? []));
    return div;
  }

  // Flue gas (converted to reference O2 where the registry allows) and wastewater, a line each.
  function dischargeLines(figures) {
    const groups = [["flueGas", SP.t("overview.flueGas")], ["wastewater", SP.t("overview.wastewater")]];
    return groups.filter(([g]) => figures.some((f) => f.group === g)).map(([g, label]) =>
      elt("div", { className: "discharge", dataset: { group: g } }, elt("span", { className: "label" }, label), " ",
        ...figures.filter((f) => f.group === g).flatMap((f, i) => [i ? " · " : null,
          elt("span", { className: "figure", dataset: { quantity: f.quantity, flag: f.flag } }, `${SP.quantityTitle(f.quantity)} `, elt("span", { className: "v" }, num(f.value, 1)), ` ${f.unit}`)])));
  }

  function render() {
    const root = ov("tiles");
    root.replaceChildren(...[...tiles.values()].sort((a, b) => a.enterprise.localeCompare(b.enterprise)).map(tileElement));
    renderPlan();
  }

  function renderPlan() {
    const placed = [...tiles.values()].filter((t) => t.plan);
    ov("plan-box").hidden = placed.length === 0;
    if (placed.length === 0) return;
    const svg = ov("plan");
    const w = Math.max(...placed.map((t) => t.plan.x + t.plan.width)) + 10;
    const h = Math.max(...placed.map((t) => t.plan.y + t.plan.height)) + 10;
    svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    const ns = "http://www.w3.org/2000/svg";
    svg.replaceChildren();
    for (const t of placed) {
      const g = document.createElementNS(ns, "g");
      g.dataset.enterprise = t.enterprise;
      g.dataset.status = t.status;
      const rect = document.createElementNS(ns, "rect");
      for (const [k, v] of Object.entries({ x: t.plan.x, y: t.plan.y, width: t.plan.width, height: t.plan.height })) rect.setAttribute(k, v);
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", t.plan.x + 4);
      label.setAttribute("y", t.plan.y + 14);
      label.textContent = SP.localName(t.name, t.nameEn);
      const title = document.createElementNS(ns, "title");
      title.textContent = `${label.textContent} · ${SP.t("status." + t.status)}`;
      g.append(rect, label, title);
      svg.appendChild(g);
    }
  }

  function apply(u) {
    for (const t of u.tiles) tiles.set(t.enterprise, t);
    renderCounts(u.openAlertsBySeverity);
  }

  async function load(p) {
    park = p;
    pending = [];
    const data = await SP.json(`api/parks/${encodeURIComponent(p)}/overview`);
    if (park !== p) return;
    tiles.clear();
    for (const t of data.tiles) tiles.set(t.enterprise, t);
    renderCounts(data.openAlertsBySeverity);
    // The park chooser lists ids until the overview brings the park's name in the page's language.
    const option = [...(ov("park")?.options ?? [])].find((o) => o.value === p);
    if (option && (data.name || data.nameEn)) option.textContent = `${SP.localName(data.name, data.nameEn)} (${p})`;
    // A push that raced the fetch may be newer than what the fetch returned: apply it on top.
    for (const u of pending) apply(u);
    pending = null;
    render();
    clearInterval(energyTimer);
    energyTimer = setInterval(() => loadEnergy(p), ENERGY_REFRESH_MS);
    await loadEnergy(p);
  }

  async function loadEnergy(p) {
    let data;
    try {
      data = await SP.json(`api/parks/${encodeURIComponent(p)}/energy/today`);
    } catch {
      return; // consumption unavailable: the tiles keep what they show
    }
    if (park !== p) return;
    energyToday.clear();
    for (const e of data.enterprises) energyToday.set(e.enterprise, e);
    render();
  }

  SP.connection.on("tiles", (u) => {
    if (u.park !== park) return;
    if (pending) { pending.push(u); return; }
    apply(u);
    render();
  });
  SP.onReconnected(async () => { if (park) await load(park); });

  return { load };
})();
