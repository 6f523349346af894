// One rectification order: where it stands (progress of open → replied → verified → closed), its
// deadline counting down, photos as thumbnails, the history as a timeline; for the park's
// operators the next steps with a note and photos, and the enterprise's reply link with its QR code.
"use strict";

const d$ = (id) => document.getElementById(id);
const orderId = location.pathname.split("/").filter(Boolean)[3];
const FLOW = ["open", "replied", "verified", "closed"];
let detail = null;

function render() {
  const o = detail.order;
  d$("rx-title").textContent = SP.t("rectification.orderTitle", { id: String(o.id), enterprise: SP.localName(o.enterpriseNameZh, o.enterpriseNameEn) || o.enterpriseId });
  d$("rx-badges").replaceChildren(RX.badge("hazard", o.hazard, RX.hazard(o.hazard)), RX.badge("state", o.state, RX.state(o.state)),
    elt("span", {}, SP.t("rectification.source." + o.source) + (o.alertId ? ` · ${o.alertId}` : "")));
  const reached = FLOW.indexOf(o.state);
  d$("rx-progress").replaceChildren(...FLOW.map((s, i) => elt("li", { dataset: { done: String(i <= reached) } }, RX.state(s))));
  d$("rx-description").textContent = o.description;
  const phone = detail.responsiblePhone ? elt("a", { href: "tel:" + detail.responsiblePhone.replace(/[^0-9+]/g, "") }, detail.responsiblePhone) : null;
  d$("rx-facts").replaceChildren(
    elt("span", {}, SP.t("rectification.responsibleName") + ": " + (o.responsibleName ?? "—")), phone,
    elt("span", {}, SP.t("rectification.deadline") + ": " + o.deadline),
    elt("span", {}, SP.t("rectification.createdBy", { by: o.createdBy, at: RX.when(o.createdAt) })));
  d$("rx-countdown").textContent = RX.countdown(o);
  d$("rx-countdown").dataset.overdue = String(o.overdue);
  d$("rx-photos").replaceChildren(...detail.evidence.map(RX.thumbnail));
  d$("rx-no-photos").hidden = detail.evidence.length > 0;
  d$("rx-timeline").replaceChildren(...detail.history.map((s) => elt("li", { dataset: { action: s.action } },
    elt("strong", {}, RX.action(s.action)), " · ", elt("span", {}, s.actor), " · ", elt("time", {}, RX.when(s.at)),
    s.note ? elt("p", { className: "rx-note" }, s.note) : null,
    s.evidence.length ? elt("div", { className: "rx-thumbs" }, ...s.evidence.map(RX.thumbnail)) : null)));
  d$("rx-manage").hidden = !detail.canManage || o.state === "closed";
  d$("rx-link-expiry").textContent = detail.replyLinkExpiresAt ? SP.t("rectification.linkValidUntil", { at: RX.when(detail.replyLinkExpiresAt) }) : SP.t("rectification.noLink");
  const moves = [...detail.moves, "evidence_added"];
  d$("rx-moves").replaceChildren(...moves.map((m) => {
    const b = elt("button", { type: "button", dataset: { move: m } }, SP.t("rectification.do." + m));
    b.onclick = () => step(m, b);
    return b;
  }));
  d$("rx-order").dataset.loaded = "1";
  d$("rx-order").dataset.state = o.state;
}

async function step(action, button) {
  const form = d$("rx-step");
  const status = d$("rx-step-status");
  button.disabled = true;
  const r = await RX.upload(RX.api(`/orders/${orderId}/steps`), { action, note: form.note.value, version: String(detail.order.version) }, [...form.files.files]);
  button.disabled = false;
  if (r.ok) {
    detail = r.body;
    form.reset();
    status.dataset.state = "saved";
    status.textContent = SP.t("rectification.saved");
    render();
    return;
  }
  status.dataset.state = "failed";
  status.textContent = RX.problem(r);
}

async function issueLink() {
  if (detail.replyLinkExpiresAt && !confirm(SP.t("rectification.replaceLink"))) return;
  const r = await EditForms.send("POST", RX.api(`/orders/${orderId}/reply-link`), {});
  if (!r.ok) { d$("rx-link-until").textContent = RX.problem(r); d$("rx-link").hidden = false; return; }
  d$("rx-link").hidden = false;
  d$("rx-link-url").value = r.body.url;
  d$("rx-link-qr").src = r.body.qr;
  d$("rx-link-until").textContent = SP.t("rectification.linkValidUntil", { at: RX.when(r.body.expiresAt) });
  detail = await SP.json(RX.api(`/orders/${orderId}`));
  render();
}

(async () => {
  await SP.ready;
  d$("rx-back").href = RX.page("/rectification");
  d$("rx-issue-link").onclick = issueLink;
  d$("rx-link-url").onclick = (e) => e.target.select();
  detail = await SP.json(RX.api(`/orders/${orderId}`));
  render();
})();
