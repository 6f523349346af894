// A park's duty roster (/supervision/parks/{park}/duty): who is on duty now with tap-to-call and
// mail links, the week as a grid coloured by who is first on duty each hour (computed by the
// server with the same function notifications follow, China time), the people and shifts, and for
// those who may change it an editor that replaces the roster whole with the version it loaded (a
// 409 says who changed it meanwhile). Every value goes into the DOM as text (elt/textContent).
"use strict";

const dutyPark = decodeURIComponent(location.pathname.split("/")[3] ?? "");
const dutyApi = `api/supervision/parks/${encodeURIComponent(dutyPark)}/duty`;
const d$ = (id) => document.getElementById(id);
const dt = (key, vars) => SP.t(`duty.${key}`, vars);
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const COLOURS = 8;

let view = null;  // the roster as last loaded (its version is what a save sends)
let draft = null; // the editor's copy

const personOf = (id) => view.people.find((p) => p.id === id);
const nameOf = (id) => personOf(id)?.name ?? id;
const colourOf = (id) => `duty-c${Math.max(0, view.people.findIndex((p) => p.id === id)) % COLOURS}`;

// Tap to call or write: the numbers are E.164 and the addresses checked when saved.
function contact(person) {
  const links = elt("span", { className: "duty-contact" });
  if (person?.phone) links.append(elt("a", { href: `tel:${person.phone}`, className: "tel" }, `☎ ${person.phone}`));
  if (person?.email) links.append(elt("a", { href: `mailto:${encodeURIComponent(person.email)}`, className: "mail" }, `✉ ${person.email}`));
  return links;
}

function daysText(days) {
  if (days.length === 7) return dt("everyDay");
  return days.map((d) => dt(`dayLong.${d}`)).join(SP.lang === "en" ? ", " : "、");
}

function hoursText(shift) {
  const overnight = shift.until <= shift.from;
  return `${shift.from}–${shift.until}${overnight ? dt("nextDay") : ""}`;
}

function renderNow() {
  const now = view.now;
  d$("duty-now").hidden = view.people.length === 0;
  d$("duty-now-when").textContent = dt("nowWhen", { day: dt(`dayLong.${now.day}`), time: now.at.substring(11, 16) })
    + (now.shift === null ? ` · ${dt("noShift")}` : "");
  d$("duty-chain").replaceChildren(...now.chain.map((id, i) => elt("li", { className: i === 0 ? "first" : "", dataset: { person: id } },
    elt("span", { className: `swatch duty-legend-swatch ${colourOf(id)}` }),
    nameOf(id),
    id === view.manager ? elt("span", { className: "badge" }, dt("managerBadge")) : null,
    contact(personOf(id)))));
}

function renderWeek() {
  const box = d$("duty-week");
  d$("duty-week-box").hidden = view.shifts.length === 0;
  const cells = [elt("span", { className: "hour" })];
  for (let h = 0; h < 24; h++) cells.push(elt("span", { className: "hour" }, h % 6 === 0 ? String(h) : ""));
  view.week.forEach((hours, d) => {
    const day = DAYS[d];
    cells.push(elt("span", { className: `day${day === view.now.day ? " today" : ""}` }, dt(`day.${day}`)));
    hours.forEach((id, h) => {
      const now = day === view.now.day && h === view.now.hour;
      const title = `${dt(`dayLong.${day}`)} ${String(h).padStart(2, "0")}:00 · ${id ? nameOf(id) : dt("managerOnly")}`;
      cells.push(elt("span", { className: `cell ${id ? colourOf(id) : "none"}${now ? " now" : ""}`, title, dataset: { day, hour: String(h), person: id ?? "" } }));
    });
  });
  box.replaceChildren(...cells);
  box.setAttribute("aria-label", dt("weekLabel"));
  const firsts = [...new Set(view.week.flat().filter((id) => id))];
  d$("duty-legend").replaceChildren(
    ...firsts.map((id) => elt("li", {}, elt("span", { className: `swatch ${colourOf(id)}` }), nameOf(id))),
    elt("li", {}, elt("span", { className: "swatch cell none" }), dt("managerOnly")),
    elt("li", {}, elt("span", { className: "swatch now-swatch" }), dt("nowCell")));
}

function renderLists() {
  d$("duty-empty").hidden = view.people.length > 0;
  d$("duty-people").replaceChildren(...view.people.map((p) => elt("li", { dataset: { person: p.id } },
    elt("span", { className: `swatch ${colourOf(p.id)}` }), " ", elt("strong", {}, p.name), ` (${p.id})`,
    p.id === view.manager ? elt("span", { className: "badge" }, dt("managerBadge")) : null,
    elt("br"), contact(p))));
  d$("duty-shifts").replaceChildren(...view.shifts.map((s, i) => elt("li", { className: i === view.now.shift ? "current" : "" },
    elt("strong", {}, `${daysText(s.days)} ${hoursText(s)}`),
    i === view.now.shift ? elt("span", { className: "badge" }, dt("nowBadge")) : null,
    elt("br"), s.people.map(nameOf).join(" → "))));
}

// ---- the editor: a copy of the roster, rebuilt on every structural change ----

function field(labelKey, value, onInput, props = {}) {
  const input = elt("input", { value: value ?? "", ...props });
  input.addEventListener("input", () => onInput(input.value));
  return elt("label", {}, elt("span", {}, dt(labelKey)), input);
}

function button(key, onClick, className = "") {
  const b = elt("button", { type: "button", className }, dt(key));
  b.addEventListener("click", onClick);
  return b;
}

function renderEditor() {
  d$("duty-edit-people").replaceChildren(...draft.people.map((p, i) => elt("li", { dataset: { index: String(i) } },
    field("f.id", p.id, (v) => { p.id = v.trim(); renderChoices(); }, { name: "id", autocapitalize: "off" }),
    field("f.name", p.name, (v) => { p.name = v; renderChoices(); }, { name: "name" }),
    field("f.phone", p.phone, (v) => { p.phone = v; }, { name: "phone", type: "tel", placeholder: "+8613800000000" }),
    field("f.email", p.email, (v) => { p.email = v; }, { name: "email", type: "email" }),
    button("remove", () => { draft.people.splice(i, 1); renderEditor(); }))));
  d$("duty-edit-shifts").replaceChildren(...draft.shifts.map((s, i) => {
    const days = elt("div", { className: "duty-days" }, ...DAYS.map((d) => {
      const box = elt("input", { type: "checkbox", name: `day-${d}`, checked: s.days.includes(d) });
      box.addEventListener("change", () => { s.days = DAYS.filter((x) => x === d ? box.checked : s.days.includes(x)); });
      return elt("label", {}, box, dt(`day.${d}`));
    }));
    const order = elt("ol", { className: "duty-order" }, ...s.people.map((id, k) => elt("li", {},
      elt("span", {}, draft.people.find((p) => p.id === id)?.name || id),
      k > 0 ? button("up", () => { s.people.splice(k - 1, 0, s.people.splice(k, 1)[0]); renderEditor(); }) : null,
      button("remove", () => { s.people.splice(k, 1); renderEditor(); }))));
    const pick = elt("select", { name: "add-person", className: "duty-person-choice" });
    const add = button("addToShift", () => { if (pick.value && !s.people.includes(pick.value)) { s.people.push(pick.value); renderEditor(); } }, "duty-add-to-shift");
    return elt("li", { dataset: { index: String(i) } },
      days,
      field("f.from", s.from, (v) => { s.from = v; }, { name: "from", type: "time" }),
      field("f.until", s.until, (v) => { s.until = v; }, { name: "until", type: "time" }),
      order,
      elt("label", {}, elt("span", {}, dt("f.addPerson")), pick), add,
      button("removeShift", () => { draft.shifts.splice(i, 1); renderEditor(); }));
  }));
  renderChoices();
}

// The manager and "add to shift" choices follow the people as they are typed.
function renderChoices() {
  const options = () => draft.people.filter((p) => p.id).map((p) => new Option(`${p.name || p.id} (${p.id})`, p.id));
  const manager = d$("duty-manager");
  manager.replaceChildren(new Option(dt("noManager"), ""), ...options());
  manager.value = draft.manager ?? "";
  document.querySelectorAll(".duty-person-choice").forEach((select) => select.replaceChildren(...options()));
}

// people[1].phone → "Person 2 · Mobile"
function fieldText(name) {
  const m = /^(people|shifts)\[(\d+)\]\.(\w+)$/.exec(name ?? "");
  return m ? `${dt(m[1] === "people" ? "person" : "shift")} ${Number(m[2]) + 1} · ${dt(`f.${m[3]}`)}` : "";
}

function errorText(e) {
  if (e.code === "duty_rule") return dt("ruleError", { message: e.message });
  const where = fieldText(e.field);
  return where ? `${where}: ${EditForms.errorText(e)}` : EditForms.errorText(e);
}

async function save(ev) {
  ev.preventDefault();
  d$("duty-errors").replaceChildren();
  const body = {
    version: view.version,
    manager: d$("duty-manager").value || null,
    people: draft.people.map((p) => ({ id: p.id, name: p.name, phone: p.phone || null, email: p.email || null })),
    shifts: draft.shifts.map((s) => ({ days: s.days, from: s.from, until: s.until, people: s.people })),
  };
  const r = await EditForms.send("PUT", dutyApi, body);
  if (r.ok) {
    show(r.body);
    EditForms.status(d$("duty-status"), "saved", "duty.saved");
    return;
  }
  if (r.status === 400 && r.body?.errors) {
    d$("duty-errors").replaceChildren(...r.body.errors.map((e) => elt("li", {}, errorText(e))));
    EditForms.status(d$("duty-status"), "failed", "duty.invalid");
    return;
  }
  if (r.status === 409 && r.body?.current) {
    const by = r.body.changedBy;
    d$("duty-conflict-text").textContent = by ? dt("conflictBy", { actor: by.actor, at: EditForms.when(by.at) }) : dt("conflict");
    d$("duty-conflict").hidden = false;
    EditForms.status(d$("duty-status"), "failed", "duty.conflictShort");
    return;
  }
  EditForms.status(d$("duty-status"), "failed", "duty.failed", { status: r.status });
}

function show(loaded) {
  view = loaded;
  const name = SP.lang === "en" && view.park.nameEn ? view.park.nameEn : view.park.nameZh;
  d$("duty-title").textContent = `${name} · ${dt("title")}`;
  renderNow();
  renderWeek();
  renderLists();
  d$("duty-edit").hidden = !view.canEdit;
  d$("duty-conflict").hidden = true;
  if (view.canEdit) {
    draft = structuredClone({ manager: view.manager, people: view.people, shifts: view.shifts });
    renderEditor();
  }
}

async function load() {
  const r = await fetch(dutyApi);
  if (!r.ok) { d$("duty-load").textContent = dt("loadFailed", { status: r.status }); return; }
  d$("duty-load").textContent = "";
  show(await r.json());
}

(async () => {
  await SP.ready;
  d$("duty-add-person").addEventListener("click", () => { draft.people.push({ id: "", name: "", phone: "", email: "" }); renderEditor(); });
  d$("duty-add-shift").addEventListener("click", () => { draft.shifts.push({ days: [...DAYS], from: "08:00", until: "18:00", people: [] }); renderEditor(); });
  d$("duty-manager").addEventListener("change", () => { draft.manager = d$("duty-manager").value || null; });
  d$("duty-form").addEventListener("submit", save);
  d$("duty-conflict-reload").addEventListener("click", load);
  await load();
})();
