// The Directive 2023/977 rules of a request to a single point of contact (SPOC): which drafts are
// such requests, the languages the SPOC accepts, and the Art. 4(3) content, language and own-SPOC copy
// the engine checks, said in advance beside the fields. Its own file because both the suggestions
// and the command check lean on the same SPOC lookups.
import type { Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import type { Draft } from "./draft.ts";
import { languageName, pick, tr, uiLang } from "./format.ts";
import type { Issue } from "./issues.ts";
import { countryOf } from "./recipients.ts";

/** The seat's country, or that of the desk or party it speaks as. */
export function speakerCountry(sc: Scenario, seat: Seat, as: string): string {
  if (as) return countryOf(sc, as);
  return seat.kind === "instructor" ? "" : countryOf(sc, seat.role);
}

/** The SPOC desk among ids, preferring one outside notCountry. */
export const spocDeskIn = (sc: Scenario, ids: string[], notCountry?: string) =>
  sc.desks.find((d) => d.kind === "spoc" && ids.includes(d.id) && d.country !== notCountry) ?? sc.desks.find((d) => d.kind === "spoc" && ids.includes(d.id));

/** Is the draft a request to a SPOC (Directive 2023/977), which carries the Art. 4(3) fields? */
export function isSpocRequest(sc: Scenario, draft: Pick<Draft, "kind" | "to" | "cc">): boolean {
  return draft.kind === "request" && !!spocDeskIn(sc, [draft.to, ...draft.cc]);
}

/** Languages the recipient accepts: for a SPOC the law pair's list, else the desk's; else the exercise's. */
export function acceptedLanguages(sc: Scenario, seat: Seat, to: string, as = ""): string[] {
  const desk = sc.desks.find((d) => d.id === to);
  if (!desk) return [...sc.meta.languages];
  if (desk.kind === "spoc") {
    const law = sc.law.find((p) => p.host === desk.country && p.sending === speakerCountry(sc, seat, as));
    if (law?.spoc) return [...law.spoc.languages];
  }
  return [...desk.languages];
}

/** Art. 4(3) completeness, language and own-SPOC copy of a SPOC request: the engine's own checks, said in advance. */
export function spocAdvice(sc: Scenario, seat: Seat, draft: Draft): Issue[] {
  if (!isSpocRequest(sc, draft)) return [];
  const mine = speakerCountry(sc, seat, draft.as);
  const desk = spocDeskIn(sc, [draft.to, ...draft.cc], mine);
  // The Directive governs requests between states: a request to one's own SPOC is not checked here.
  if (!desk || (mine && desk.country === mine)) return [];
  const out: Issue[] = [];
  const f = draft.fields;
  if (!draft.urgency) out.push({ field: "urgency", message: tr("err.urgency") });
  for (const k of ["purpose", "grounds", "link_to_person"] as const) if (!f[k].trim()) out.push({ field: k, message: tr(`err.${k}`) });
  if (draft.urgency && draft.urgency !== "normal" && !f.urgency_reasons.trim()) out.push({ field: "urgency_reasons", message: tr("err.urgency_reasons") });
  const langs = acceptedLanguages(sc, seat, desk.id, draft.as);
  if (draft.language && !langs.includes(draft.language)) {
    out.push({ field: "language", message: tr("err.language", { desk: pick(desk.name, uiLang()), languages: langs.map((c) => languageName(c)).join(", ") }) });
  }
  if (desk.country !== mine && mine) {
    const own = sc.desks.filter((d) => d.kind === "spoc" && d.country === mine);
    const myDesks = seat.kind === "trainee" ? (sc.roles.find((r) => r.id === seat.role)?.desks ?? []) : [];
    const fromOwn = own.some((d) => myDesks.includes(d.id) || d.id === draft.as);
    if (own.length && !fromOwn && !own.some((d) => draft.cc.includes(d.id))) {
      out.push({ field: "cc", message: tr("err.ownSpoc", { desk: own.map((d) => pick(d.name, uiLang())).join(", ") }) });
    }
  }
  return out;
}
