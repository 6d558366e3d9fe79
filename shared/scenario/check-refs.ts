// Cross-reference checks: ids unique, every reference resolves to the right kind of thing, every
// unit has someone to command it, and the timeline hangs together.
import type { ActionMatch, Condition, Effect } from "./conditions.ts";
import type { Finding } from "./explain.ts";
import type { PartialScenario } from "./partial.ts";
import { didYouMean } from "./suggest.ts";
import type { PathSeg } from "./yaml-source.ts";
import { ID_PATTERN } from "./primitives.ts";
import { insideOrOn } from "../geo/geometry.ts";

type Kind = "party" | "desk" | "role" | "unit" | "actor" | "site";
const SECTION: Record<Kind, string> = { party: "parties", desk: "desks", role: "roles", unit: "units", actor: "actors", site: "sites" };
// "instructor" and "evaluator" name exercise control and observers in commands and the log.
export const KEYWORDS = ["all", "any_unit", "any_actor", "instructor", "evaluator"] as const;
const KIND_ORDER: Kind[] = ["role", "desk", "party", "unit", "actor", "site"];

export function checkRefs(s: PartialScenario, out: Finding[]): void {
  const kindOf = new Map<string, Kind>();
  const where = new Map<string, string>();
  // One namespace for everything a reference can name, so "who: x" is never ambiguous.
  const lists: [Kind, string[], PathSeg[]][] = [
    ["site", s.rawIds.sites ?? [], ["map", "sites"]], ["party", s.rawIds.parties ?? [], ["parties"]],
    ["desk", s.rawIds.desks ?? [], ["desks"]], ["role", s.rawIds.roles ?? [], ["roles"]],
    ["unit", s.rawIds.units ?? [], ["units"]], ["actor", s.rawIds.actors ?? [], ["actors"]],
  ];
  for (const [kind, ids, base] of lists) {
    ids.forEach((id, i) => {
      const label = `${base.join(".")}[${i}]`;
      if ((KEYWORDS as readonly string[]).includes(id)) out.push({ path: [...base, i, "id"], message: `"${id}" is a reserved word and cannot be an id` });
      else if (kindOf.has(id)) out.push({ path: [...base, i, "id"], message: `id "${id}" is already used by ${where.get(id)}`, hint: "every party, desk, role, unit, actor and site needs its own id" });
      else {
        kindOf.set(id, kind);
        where.set(id, label);
        // A malformed id ("FR Lead") is reported where it is written; references written the
        // way it should be spelt ("fr-lead") count as found instead of cascading.
        if (!ID_PATTERN.test(id)) kindOf.set(id.trim().toLowerCase().replace(/\s+/g, "-"), kind);
      }
    });
  }
  for (const [name, base] of [["roads", ["map", "roads"]], ["injects", ["injects"]], ["objectives", ["objectives"]]] as const) {
    const seen = new Map<string, number>();
    (s.rawIds[name] ?? []).forEach((id, i) => {
      if (seen.has(id)) out.push({ path: [...base, i, "id"], message: `id "${id}" is already used by ${base.join(".")}[${seen.get(id)}]` });
      else seen.set(id, i);
    });
  }

  const ref = (path: PathSeg[], id: string, kinds: Kind[], extra: readonly string[] = []) => {
    if (extra.includes(id)) return;
    const k = kindOf.get(id);
    if (k && kinds.includes(k)) return;
    kinds = [...kinds].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
    const names = kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} or ${kinds[kinds.length - 1]}` : kinds.join("");
    const an = (w: string) => (/^(actor|a |e|i|o)/.test(w) ? `an ${w}` : `a ${w}`);
    if (k) { out.push({ path, message: `"${id}" is ${an(k)}, but ${an(names)} is expected here` }); return; }
    const candidates = [...extra, ...[...kindOf.entries()].filter(([, kk]) => kinds.includes(kk)).map(([id2]) => id2)];
    out.push({ path, message: `unknown ${names} "${id}"`, hint: didYouMean(id, candidates) ?? (candidates.length ? `known: ${candidates.slice(0, 12).join(", ")}` : `add it under ${kinds.map((x) => SECTION[x]).join(" or ")}`) });
  };
  const place = (path: PathSeg[], p: unknown) => { if (typeof p === "string") ref(path, p, ["site"]); };
  const countriesOnMap = new Set<string>(s.countries.map((c) => c.v.code));
  const country = (path: PathSeg[], code: string | undefined) => {
    if (code !== undefined && countriesOnMap.size && !countriesOnMap.has(code)) {
      out.push({ path, message: `${code} is not drawn on the map`, hint: `countries on the map: ${[...countriesOnMap].join(", ")}` });
    }
  };
  const actorKind = new Map(s.actors.map((a) => [a.v.id, a.v.kind]));
  const actorOf = (path: PathSeg[], id: string, kinds: string[]) => {
    ref(path, id, ["actor"]);
    const k = actorKind.get(id);
    if (k && !kinds.includes(k)) out.push({ path, message: `actor "${id}" is a ${k}; this needs a ${kinds.join(" or ")}` });
  };

  // --- law, parties, desks -------------------------------------------------------------------
  const pairs = new Map<string, number>();
  for (const { i, v } of s.law) {
    if (v.host === v.sending) out.push({ path: ["law", i, "sending"], message: "host and sending country are the same: a declaration is between two states" });
    const key = `${v.host}<-${v.sending}`;
    if (pairs.has(key)) out.push({ path: ["law", i], message: `the pair ${v.host} <- ${v.sending} is already declared at law[${pairs.get(key)}]`, hint: "put all of a pair's rules in one entry" });
    pairs.set(key, i);
    v.hot_pursuit?.notify.forEach((d, k) => ref(["law", i, "hot_pursuit", "notify", k], d, ["desk"]));
    v.hot_pursuit?.report_to.forEach((d, k) => {
      ref(["law", i, "hot_pursuit", "report_to", k], d, ["site"]);
      const site = s.sites.find((x) => x.v.id === d)?.v;
      const at = site?.at ?? site?.area?.[0];
      // Judge only a site whose country is clear: drawn with a valid code, not on a border line.
      const holders = at ? s.countries.filter((c) => insideOrOn(at, c.v.polygon)) : [];
      const where = holders.length === 1 ? holders[0]?.v.code : site?.country;
      if (where && where !== v.host) out.push({ path: ["law", i, "hot_pursuit", "report_to", k], message: `site "${d}" lies in ${where}; officers report to the local authority of the host, ${v.host}` });
    });
    v.surveillance?.notify.forEach((d, k) => ref(["law", i, "surveillance", "notify", k], d, ["desk"]));
    if (v.hot_pursuit && !v.hot_pursuit.allowed && (v.hot_pursuit.apprehension !== "none")) {
      out.push({ path: ["law", i, "hot_pursuit", "apprehension"], message: "hot pursuit is not allowed here, so apprehension must be none" });
    }
  }
  for (const { i, v } of s.desks) {
    if (v.site) ref(["desks", i, "site"], v.site, ["site"]);
    if (v.party) ref(["desks", i, "party"], v.party, ["party"]);
  }

  // --- roles and units: each trainee unit has exactly one commanding role ---------------------
  const partyOf = new Map(s.parties.map((p) => [p.v.id, p.v]));
  const commandedBy = new Map<string, string>();
  for (const { i, v } of s.roles) {
    ref(["roles", i, "party"], v.party, ["party"]);
    if (partyOf.get(v.party)?.played_by === "instructor") out.push({ path: ["roles", i, "party"], message: `party "${v.party}" is played by the instructor, so it has no trainee roles`, hint: "set played_by: trainees on that party, or give the role another party" });
    v.units.forEach((u, k) => {
      ref(["roles", i, "units", k], u, ["unit"]);
      const unitParty = s.units.find((x) => x.v.id === u)?.v.party;
      if (unitParty && unitParty !== v.party) out.push({ path: ["roles", i, "units", k], message: `unit "${u}" belongs to party "${unitParty}", but role "${v.id}" is of party "${v.party}"`, hint: "a role commands its own party's units; a joint patrol is units of both parties working side by side" });
      const prev = commandedBy.get(u);
      if (prev) out.push({ path: ["roles", i, "units", k], message: `unit "${u}" is already commanded by role "${prev}"`, hint: "a unit answers to one role; several people can share that role" });
      else commandedBy.set(u, v.id);
    });
    v.desks.forEach((d, k) => ref(["roles", i, "desks", k], d, ["desk"]));
  }
  for (const { i, v } of s.units) {
    ref(["units", i, "party"], v.party, ["party"]);
    place(["units", i, "at"], v.at);
    const party = partyOf.get(v.party);
    if (party?.played_by === "trainees" && !s.rawCommand.has(v.id)) {
      out.push({ path: ["units", i, "id"], message: `unit "${v.id}" belongs to a trainee party but no role commands it`, hint: "list it under units: of one role" });
    }
  }
  for (const { i, v } of s.parties) {
    if (v.played_by === "trainees" && (s.rawIds.roles ?? []).length && !s.rawRoleParties.has(v.id)) {
      out.push({ path: ["parties", i, "played_by"], message: `party "${v.id}" is played by trainees but has no role`, hint: "add a role for it, or set played_by: instructor" });
    }
  }

  // --- actors --------------------------------------------------------------------------------
  for (const { i, v } of s.actors) {
    const base: PathSeg[] = ["actors", i];
    if (v.kind === "fleeing_vehicle") {
      place([...base, "at"], v.at);
      v.route.forEach((p, k) => place([...base, "route", k], p));
      if (v.behaviour.hide_at) ref([...base, "behaviour", "hide_at"], v.behaviour.hide_at, ["site"]);
    } else if (v.kind === "hostage_takers") {
      ref([...base, "site"], v.site, ["site"]);
      v.demands.forEach((d, k) => {
        if (d.deadline !== undefined && s.meta && d.deadline > s.meta.duration) out.push({ path: [...base, "demands", k, "deadline"], message: "this deadline falls after the planned end of the exercise (meta.duration)" });
      });
    } else if (v.kind === "crowd") {
      if (typeof v.area === "string") ref([...base, "area"], v.area, ["site"]);
      v.rivals.forEach((r, k) => actorOf([...base, "rivals", k], r, ["crowd"]));
      v.route.forEach((p, k) => place([...base, "route", k], p));
    } else if (typeof v.area === "string") ref([...base, "area"], v.area, ["site"]);
  }

  // --- injects ------------------------------------------------------------------------------
  const injectIds = new Set(s.rawIds.injects ?? []);
  const expectedOf = new Map(s.injects.map((j) => [j.v.id, j.v.expected.map((e) => e.id)]));
  const injectRef = (path: PathSeg[], id: string) => {
    if (!injectIds.has(id)) out.push({ path, message: `unknown inject "${id}"`, hint: didYouMean(id, injectIds) });
  };
  const expectedRef = (path: PathSeg[], inject: string, expected: string) => {
    injectRef([...path, "inject"], inject);
    const list = expectedOf.get(inject);
    if (list && !list.includes(expected)) out.push({ path: [...path, "expected"], message: `inject "${inject}" has no expected action "${expected}"`, hint: didYouMean(expected, list) ?? (list.length ? `its expected actions: ${list.join(", ")}` : "that inject lists no expected actions") });
  };
  const duration = s.meta?.duration;
  const ctx: Ctx = { ref, country, actorOf, injectRef, expectedRef, report: (f) => out.push(f), duration, s };
  for (const { i, v } of s.injects) {
    const base: PathSeg[] = ["injects", i];
    const t = v.trigger;
    if ("at" in t && duration !== undefined && t.at > duration) out.push({ path: [...base, "trigger", "at"], message: `fires after the planned end of the exercise (meta.duration)` });
    if ("when" in t) condition(t.when, [...base, "trigger", "when"], ctx);
    if ("contingency_for" in t) {
      expectedRef([...base, "trigger", "contingency_for"], t.contingency_for.inject, t.contingency_for.expected);
      if (t.contingency_for.inject === v.id) out.push({ path: [...base, "trigger", "contingency_for", "inject"], message: "an inject cannot be the contingency of itself" });
    }
    v.deliver.forEach((d, k) => {
      ref([...base, "deliver", k, "from"], d.from, ["party", "desk", "role"]);
      d.to.forEach((to, m) => ref([...base, "deliver", k, "to", m], to, ["role", "desk", "party"], ["all"]));
    });
    v.effects.forEach((e, k) => effect(e, [...base, "effects", k], ctx, s));
    const expIds = new Set<string>();
    v.expected.forEach((e, k) => {
      if (expIds.has(e.id)) out.push({ path: [...base, "expected", k, "id"], message: `expected action "${e.id}" appears twice in this inject` });
      expIds.add(e.id);
      e.by.forEach((r, m) => ref([...base, "expected", k, "by", m], r, ["role"]));
      action(e.do, [...base, "expected", k, "do"], ctx);
      const unit = "order" in e.do ? e.do.order.unit : undefined;
      const commander = unit ? s.rawCommand.get(unit) : undefined;
      if (unit && commander && !e.by.includes(commander)) {
        out.push({ path: [...base, "expected", k, "do", "order", "unit"], message: `unit "${unit}" is commanded by role "${commander}", which is not among the roles expected to act`, hint: `add ${commander} to by:, or expect an order for a unit that ${e.by.join(" or ")} commands` });
      }
    });
  }

  // --- objectives ---------------------------------------------------------------------------
  for (const { i, v } of s.objectives) {
    const base: PathSeg[] = ["objectives", i];
    v.rated.forEach((r, k) => ref([...base, "rated", k], r, ["role"]));
    if (v.achieve) condition(v.achieve, [...base, "achieve"], ctx);
    if (v.by !== undefined && !v.achieve) out.push({ path: [...base, "by"], message: "a deadline (by:) needs an outcome (achieve:) to apply to" });
    else if (v.by !== undefined && duration !== undefined && v.by > duration) out.push({ path: [...base, "by"], message: "this deadline falls after the planned end of the exercise (meta.duration)" });
    if (v.rating.late !== undefined && v.rating.late < v.rating.grace) out.push({ path: [...base, "rating", "late"], message: "late must be at least as long as grace" });
    if (!v.achieve && (v.rating.grace > 0 || v.rating.late !== undefined)) out.push({ path: [...base, "rating", v.rating.grace > 0 ? "grace" : "late"], message: "grace and late apply to an outcome, and this objective has no achieve:", hint: "add achieve: and by:, or remove grace and late" });
    v.rating.expected.forEach((ref2, k) => {
      const [inject = "", expected = ""] = ref2.split("/");
      const path = [...base, "rating", "expected", k];
      if (!injectIds.has(inject)) out.push({ path, message: `unknown inject "${inject}"`, hint: didYouMean(inject, injectIds) });
      else if (!(expectedOf.get(inject) ?? [expected]).includes(expected)) out.push({ path, message: `inject "${inject}" has no expected action "${expected}"`, hint: didYouMean(expected, expectedOf.get(inject) ?? []) });
    });
  }
}

interface Ctx {
  ref: (path: PathSeg[], id: string, kinds: Kind[], extra?: readonly string[]) => void;
  country: (path: PathSeg[], code: string | undefined) => void;
  actorOf: (path: PathSeg[], id: string, kinds: string[]) => void;
  injectRef: (path: PathSeg[], id: string) => void;
  expectedRef: (path: PathSeg[], inject: string, expected: string) => void;
  report: (f: Finding) => void;
  duration?: number;
  s: PartialScenario;
}
const WHO: Kind[] = ["unit", "actor", "role", "party"];
const KIND_WORDS: Record<string, string> = { fleeing_vehicle: "a fleeing vehicle", hostage_takers: "the hostage takers", crowd: "a crowd", bystanders: "bystanders" };
const STATES_OF: Record<string, string[]> = {
  fleeing_vehicle: ["waiting", "fleeing", "hiding", "stopped", "apprehended", "escaped"],
  hostage_takers: ["holding", "negotiating", "surrendered", "assaulted", "hostages_released", "casualties"],
  crowd: ["calm", "agitated", "disorder", "dispersed"],
  bystanders: [],
};
const SPEAKER: Kind[] = ["role", "desk", "party"];

function condition(c: Condition, path: PathSeg[], x: Ctx): void {
  if ("all" in c) return c.all.forEach((d, k) => condition(d, [...path, "all", k], x));
  if ("any" in c) return c.any.forEach((d, k) => condition(d, [...path, "any", k], x));
  if ("not" in c) return condition(c.not, [...path, "not"], x);
  if ("inject_fired" in c) return x.injectRef([...path, "inject_fired"], c.inject_fired);
  if ("at" in c) {
    if (x.duration !== undefined && c.at > x.duration) x.report({ path: [...path, "at"], message: "this time falls after the planned end of the exercise (meta.duration)" });
    return;
  }
  if ("crosses_border" in c) {
    const p = [...path, "crosses_border"];
    x.ref([...p, "who"], c.crosses_border.who, WHO, ["any_unit", "any_actor"]);
    x.country([...p, "from"], c.crosses_border.from);
    x.country([...p, "into"], c.crosses_border.into);
  } else if ("enters_site" in c) {
    x.ref([...path, "enters_site", "who"], c.enters_site.who, WHO, ["any_unit", "any_actor"]);
    x.ref([...path, "enters_site", "site"], c.enters_site.site, ["site"]);
  } else if ("message_sent" in c) {
    message(c.message_sent, [...path, "message_sent"], x);
  } else if ("order_given" in c) {
    const p = [...path, "order_given"];
    if (c.order_given.by) x.ref([...p, "by"], c.order_given.by, ["role"]);
    if (c.order_given.unit) x.ref([...p, "unit"], c.order_given.unit, ["unit"]);
    if (c.order_given.target) x.ref([...p, "target"], c.order_given.target, ["actor", "site", "unit"]);
  } else if ("violation" in c) {
    if (c.violation.by) x.ref([...path, "violation", "by"], c.violation.by, ["role", "party"]);
  } else if ("actor_state" in c) {
    x.ref([...path, "actor_state", "actor"], c.actor_state.actor, ["actor"]);
    const kind = x.s.actors.find((a) => a.v.id === c.actor_state.actor)?.v.kind;
    const states = kind ? STATES_OF[kind] : undefined;
    if (kind && states && !states.includes(c.actor_state.is)) {
      x.report(states.length
        ? { path: [...path, "actor_state", "is"], message: `${KIND_WORDS[kind] ?? kind} can never be "${c.actor_state.is}"`, hint: `its states: ${states.join(", ")}` }
        : { path: [...path, "actor_state", "actor"], message: `${KIND_WORDS[kind] ?? kind} have no states to ask about`, hint: "ask about a fleeing vehicle, hostage takers or a crowd" });
    }
  } else if ("tension" in c) {
    x.actorOf([...path, "tension", "crowd"], c.tension.crowd, ["crowd"]);
  } else if ("agitation" in c) {
    x.actorOf([...path, "agitation", "actor"], c.agitation.actor, ["hostage_takers"]);
  } else if ("expected_met" in c) {
    x.expectedRef([...path, "expected_met"], c.expected_met.inject, c.expected_met.expected);
  } else if ("action_taken" in c) {
    if (c.action_taken.by) x.ref([...path, "action_taken", "by"], c.action_taken.by, ["role"]);
    action(c.action_taken.do, [...path, "action_taken", "do"], x);
  }
}

function message(m: { from?: string; to?: string }, path: PathSeg[], x: Ctx): void {
  if (m.from) x.ref([...path, "from"], m.from, SPEAKER);
  if (m.to) x.ref([...path, "to"], m.to, SPEAKER);
}

function action(a: ActionMatch, path: PathSeg[], x: Ctx): void {
  if ("message" in a) message(a.message, [...path, "message"], x);
  else if ("order" in a) {
    if (a.order.unit) x.ref([...path, "order", "unit"], a.order.unit, ["unit"]);
    if (a.order.target) x.ref([...path, "order", "target"], a.order.target, ["actor", "site", "unit"]);
  } else if ("agreement" in a || "confer_powers" in a) {
    const key = "agreement" in a ? "agreement" : "confer_powers";
    const m = "agreement" in a ? a.agreement : a.confer_powers;
    if (m.host && m.sending && !x.s.law.some((l) => l.v.host === m.host && l.v.sending === m.sending && l.v.joint_operations)) {
      x.report({ path: [...path, key], message: `no law entry declares joint operations for ${m.host} <- ${m.sending}`, hint: "add joint_operations: to that pair under law:" });
    } else if (m.host && !x.s.law.some((l) => l.v.host === m.host && l.v.joint_operations)) {
      x.report({ path: [...path, key, "host"], message: `no law entry declares joint operations with ${m.host} as host`, hint: "add joint_operations: to a pair under law:" });
    }
  } else if ("assistance_request" in a && a.assistance_request.to) x.ref([...path, "assistance_request", "to"], a.assistance_request.to, ["party", "role", "desk"]);
  else if ("assistance_answer" in a && a.assistance_answer.from) x.ref([...path, "assistance_answer", "from"], a.assistance_answer.from, ["party", "role", "desk"]);
}

function effect(e: Effect, path: PathSeg[], x: Ctx, s: PartialScenario): void {
  if ("spawn" in e) {
    x.ref([...path, "spawn"], e.spawn, ["unit", "actor"]);
    const thing = s.units.find((u) => u.v.id === e.spawn)?.v ?? s.actors.find((a) => a.v.id === e.spawn)?.v;
    if (thing?.active) {
      x.report({ path: [...path, "spawn"], message: `"${e.spawn}" is already active at the start, so spawning it does nothing`, hint: "set active: false on it so that it enters when this inject fires" });
    }
  } else if ("remove" in e) x.ref([...path, "remove"], e.remove, ["unit", "actor"]);
  else if ("set_route" in e) {
    x.actorOf([...path, "set_route", "actor"], e.set_route.actor, ["fleeing_vehicle", "crowd"]);
    e.set_route.route.forEach((p, k) => { if (typeof p === "string") x.ref([...path, "set_route", "route", k], p, ["site"]); });
  } else if ("hide" in e) {
    x.actorOf([...path, "hide", "actor"], e.hide.actor, ["fleeing_vehicle"]);
    x.ref([...path, "hide", "site"], e.hide.site, ["site"]);
  } else if ("switch_vehicle" in e) x.actorOf([...path, "switch_vehicle", "actor"], e.switch_vehicle.actor, ["fleeing_vehicle"]);
  else if ("stop_request" in e) {
    const r = e.stop_request;
    if (r.actor) x.actorOf([...path, "stop_request", "actor"], r.actor, ["fleeing_vehicle"]);
    if (!s.law.some((l) => l.v.host === r.host && l.v.sending === r.sending && l.v.hot_pursuit)) x.report({ path: [...path, "stop_request"], message: `no law entry declares hot pursuit for ${r.host} <- ${r.sending}, so there is no pursuit to stop`, hint: "add hot_pursuit: to that pair under law:" });
  } else if ("host_instruction" in e) {
    const hi = e.host_instruction;
    if (s.law.length && !s.law.some((l) => l.v.host === hi.host)) x.report({ path: [...path, "host_instruction", "host"], message: `${hi.host} is not the host in any law entry, so its officers have no foreign guests to instruct`, hint: `law entries have hosts: ${[...new Set(s.law.map((l) => l.v.host))].join(", ")}` });
    if (!hi.no_entry && hi.forbid.length === 0) x.report({ path: [...path, "host_instruction"], message: "the instruction neither forbids an order nor an area", hint: "add forbid: [orders] or no_entry: true with an area:" });
    hi.to.forEach((r, k) => x.ref([...path, "host_instruction", "to", k], r, ["role", "party"]));
    if (hi.area) x.ref([...path, "host_instruction", "area"], hi.area, ["site"]);
    const site = hi.area ? s.sites.find((v) => v.v.id === hi.area)?.v : undefined;
    const at = site?.at ?? site?.area?.[0];
    const where = site?.country ?? (at ? s.shapes.find((c) => insideOrOn(at, c.v.polygon))?.v.code : undefined);
    if (where && where !== hi.host) x.report({ path: [...path, "host_instruction", "area"], message: `site "${hi.area}" lies in ${where}, but the instruction comes from host ${hi.host}`, hint: "a host gives instructions for its own territory" });
  } else if ("lift_instruction" in e) {
    const known = s.injects.flatMap((j) => j.v.effects.flatMap((f) => ("host_instruction" in f && f.host_instruction.id ? [f.host_instruction.id] : [])));
    if (!known.includes(e.lift_instruction)) x.report({ path: [...path, "lift_instruction"], message: `no host_instruction has the id "${e.lift_instruction}"`, hint: didYouMean(e.lift_instruction, known) ?? "give the instruction an id: to lift it" });
  } else if ("tension" in e) x.actorOf([...path, "tension", "crowd"], e.tension.crowd, ["crowd"]);
  else if ("agitation" in e) x.actorOf([...path, "agitation", "actor"], e.agitation.actor, ["hostage_takers"]);
  else if ("reveal" in e) {
    x.ref([...path, "reveal", "actor"], e.reveal.actor, ["actor"]);
    e.reveal.to.forEach((r, k) => x.ref([...path, "reveal", "to", k], r, ["role", "desk", "party"]));
  }
}
