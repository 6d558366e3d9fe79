// The formal acts panel: ask another state for special-unit assistance, answer a request, record an
// operation agreement, confer executive powers; and the list of acts so far. Trainees act; exercise
// control and evaluators read. The forms keep what was typed across live updates (only the lists
// below them are redrawn).
import { ATLAS_FORMS, ARMS_RULES, POWERS } from "../../shared/scenario/vocab.ts";
import { vocabLabel } from "../../shared/vocab-i18n.ts";
import { countryOfRole } from "../../shared/rules-card.ts";
import type { ActItem } from "../../shared/protocol.ts";
import type { Ctx } from "../exercise/ctx.ts";
import { lang, t, tx } from "../i18n/index.ts";
import { actLog, agreementCommand, answerCommand, assistanceCommand, assistanceTargets, conferCommand, countries, pendingRequests, type Built } from "../views/acts.ts";
import { clock, el } from "./dom.ts";

const vl = lang;

function select(id: string, options: { value: string; label: string }[]): HTMLSelectElement {
  const s = el("select", { "data-testid": id, id: `acts-${id}` });
  s.append(...options.map((o) => el("option", { value: o.value }, o.label)));
  return s;
}
function field(label: string, input: HTMLElement): HTMLElement {
  return el("label", { class: "acts-field" }, el("span", {}, label), input);
}
function checks(id: string, values: readonly string[], label: (v: string) => string): { box: HTMLElement; picked: () => string[] } {
  const box = el("fieldset", { class: "acts-checks", "data-testid": id });
  for (const v of values) box.append(el("label", { class: "inline" }, el("input", { type: "checkbox", value: v }), ` ${label(v)}`));
  return { box, picked: () => [...box.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value) };
}

export function mountActs(root: HTMLElement, ctx: Ctx): () => void {
  const { store, net } = ctx;
  const sc = store.m.scenario;
  const seat = store.m.seat;
  if (!sc || !seat) return () => undefined;
  const trainee = seat.kind === "trainee";
  const errors = el("p", { class: "error", role: "alert", "data-testid": "acts-error" });
  const send = (b: Built, form?: HTMLFormElement) => {
    errors.textContent = "";
    if (!b.ok) return void (errors.textContent = b.issues.map((i) => t(`acts:err.${i.message}`, { defaultValue: i.message })).join(" · "));
    net.command(b.command);
    store.notify("info", t("acts:sent"));
    form?.reset();
  };
  const nameOf = (id: string) => tx(sc.desks.find((d) => d.id === id)?.name ?? sc.parties.find((p) => p.id === id)?.name ?? sc.roles.find((r) => r.id === id)?.title) || id;

  const parts: HTMLElement[] = [el("h2", {}, t("acts:title"))];
  if (!trainee) parts.push(el("p", { class: "muted" }, t("acts:readonly")));
  const pending = el("div", { "data-testid": "acts-pending" });
  if (trainee) {
    // Ask for assistance.
    const to = select("assist-to", assistanceTargets(sc, seat, lang()).map((x) => ({ value: x.value, label: x.label })));
    const basis = select("assist-basis", [{ value: "decision_2008_617", label: t("acts:basis_decision_2008_617") }, { value: "prum_18", label: t("acts:basis_prum_18") }]);
    const nature = el("textarea", { "data-testid": "assist-nature", rows: "2", maxlength: "1000" });
    const necessity = el("textarea", { "data-testid": "assist-necessity", rows: "2", maxlength: "1000" });
    const forms = checks("assist-forms", ATLAS_FORMS, (v) => vocabLabel("atlas_form", v, vl()));
    const ask = el("form", { class: "acts-form", "data-testid": "assist-form" }, el("h3", {}, t("acts:askTitle")), el("p", { class: "muted" }, t("acts:askHint")),
      field(t("acts:to"), to), field(t("acts:basis"), basis), field(t("acts:nature"), nature), field(t("acts:necessity"), necessity), el("span", { class: "acts-label" }, t("acts:forms")), forms.box,
      el("button", { type: "submit", class: "primary", "data-testid": "assist-send" }, t("acts:send")));
    ask.onsubmit = (e) => { e.preventDefault(); send(assistanceCommand({ to: to.value, legalBasis: basis.value as "decision_2008_617", nature: nature.value, necessity: necessity.value, forms: forms.picked() }), ask); };
    parts.push(ask, el("h3", {}, t("acts:pending")), pending);

    // Agreements and conferrals between the role's state and another.
    const cs = countries(sc, seat);
    const mine = countryOfRole(sc, seat.role);
    const host = select("agree-host", cs.map((c) => ({ value: c, label: c })));
    const sending = select("agree-sending", cs.map((c) => ({ value: c, label: c })));
    if (cs[1]) sending.value = cs[1];
    const purpose = el("input", { "data-testid": "agree-purpose", maxlength: "500" });
    const area = select("agree-area", [{ value: "", label: t("acts:anyArea") }, ...sc.map.sites.map((s) => ({ value: s.id, label: tx(s.name) }))]);
    const powers = checks("agree-powers", POWERS, (v) => vocabLabel("power", v, vl()));
    const arms = select("agree-arms", ARMS_RULES.map((a) => ({ value: a, label: vocabLabel("arms", a, vl()) })));
    arms.value = "self_defence";
    const agree = el("form", { class: "acts-form", "data-testid": "agree-form" }, el("h3", {}, t("acts:agreeTitle")), el("p", { class: "muted" }, t("acts:agreeHint")),
      field(t("acts:host"), host), field(t("acts:sending"), sending), field(t("acts:purpose"), purpose), field(t("acts:area"), area), el("span", { class: "acts-label" }, t("acts:powers")), powers.box, field(t("acts:arms"), arms),
      el("button", { type: "submit", class: "primary", "data-testid": "agree-send" }, t("acts:sign")));
    agree.onsubmit = (e) => { e.preventDefault(); send(agreementCommand({ host: host.value, sending: sending.value, purpose: purpose.value, area: area.value, powers: powers.picked(), arms: arms.value }), agree); };
    const cSending = select("confer-sending", cs.filter((c) => c !== mine).map((c) => ({ value: c, label: c })));
    const cPowers = checks("confer-powers", POWERS, (v) => vocabLabel("power", v, vl()));
    const confer = el("form", { class: "acts-form", "data-testid": "confer-form" }, el("h3", {}, t("acts:conferTitle")), el("p", { class: "muted" }, t("acts:conferHint")),
      field(t("acts:host"), el("b", {}, mine)), field(t("acts:sending"), cSending), el("span", { class: "acts-label" }, t("acts:powers")), cPowers.box,
      el("button", { type: "submit", class: "primary", "data-testid": "confer-send" }, t("acts:confer")));
    confer.onsubmit = (e) => { e.preventDefault(); send(conferCommand({ host: mine, sending: cSending.value, powers: cPowers.picked() }), confer); };
    parts.push(agree, confer);
  }
  parts.push(errors);
  const log = el("ol", { class: "acts-log", "data-testid": "acts-log" });
  parts.push(el("h3", {}, t("acts:log")), log);
  root.replaceChildren(...parts);

  const summary = (a: ActItem): string => {
    const list = (kind: "atlas_form" | "power", xs?: string[]) => (xs ?? []).map((x) => vocabLabel(kind, x, vl())).join(", ");
    if (a.act === "assistance_request") return `${nameOf(a.by)} → ${nameOf(a.to ?? "")}: ${a.nature ?? ""}${a.forms?.length ? ` (${list("atlas_form", a.forms)})` : ""}`;
    if (a.act === "assistance_answer") return `${nameOf(a.by)}: ${t(`acts:answer_${a.answer}`)}${a.forms?.length ? ` (${list("atlas_form", a.forms)})` : ""}`;
    return `${a.sending} → ${a.host}: ${list("power", a.powers) || "—"}${a.arms ? ` · ${vocabLabel("arms", a.arms, vl())}` : ""} (${nameOf(a.by)})`;
  };
  const render = () => {
    const items = store.m.comms;
    log.replaceChildren(...(actLog(items).length ? actLog(items).map((a) => el("li", { "data-testid": "act-item", "data-act": a.act, "data-direction": a.direction },
      el("span", { class: "mono" }, clock(a.t)), " ", el("b", {}, t(`acts:act_${a.act}`)), " — ", summary(a))) : [el("li", { class: "muted" }, t("acts:none"))]));
    if (!trainee) return;
    const waiting = pendingRequests(items);
    pending.replaceChildren(...(waiting.length ? waiting.map((r) => {
      const answer = select("answer-kind", (["accept", "refuse", "offer_alternative"] as const).map((a) => ({ value: a, label: t(`acts:answer_${a}`) })));
      const forms = checks("answer-forms", ATLAS_FORMS, (v) => vocabLabel("atlas_form", v, vl()));
      for (const i of forms.box.querySelectorAll<HTMLInputElement>("input")) i.checked = (r.forms ?? []).includes(i.value);
      const note = el("input", { "data-testid": "answer-note", maxlength: "1000" });
      const f = el("form", { class: "acts-form", "data-testid": "answer-form", "data-request": r.request ?? "" },
        el("p", {}, el("span", { class: "mono" }, clock(r.t)), " ", t("acts:requestFrom", { who: nameOf(r.by), nature: r.nature ?? "" })),
        ...(r.necessity ? [el("p", { class: "muted" }, r.necessity)] : []),
        field(t("acts:answer"), answer), forms.box, field(t("acts:note"), note),
        el("button", { type: "submit", class: "primary", "data-testid": "answer-send" }, t("acts:sendAnswer")));
      f.onsubmit = (e) => { e.preventDefault(); send(answerCommand({ request: r.request ?? "", answer: answer.value as "accept", forms: forms.picked(), note: note.value })); };
      return f;
    }) : [el("p", { class: "muted" }, t("acts:nonePending"))]));
  };
  let last = -1;
  const onComms = () => { const n = actLog(store.m.comms).length; if (n !== last) { last = n; render(); } };
  onComms();
  const off = store.on("comms", onComms);
  return off;
}
