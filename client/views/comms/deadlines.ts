// The SPOC deadlines of Directive 2023/977: each request to a SPOC with its time left in exercise
// time and in legal (uncompressed) time, and whether it was answered in time. Its own file because
// the panel redraws it on every tick, apart from the mail lists.
import type { SpocItem } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { clock, formatLeft, tr, uiLang, urgencyBadge } from "./format.ts";
import { nameOf } from "./recipients.ts";

export interface DeadlineRow {
  id: string; t: number; by: string; byLabel: string;
  desk: string; deskLabel: string; requestedCountry: string;
  urgency: string; urgencyLabel: string;
  deadline: number;
  /** Ticks left (negative once overdue), and the same in legal (uncompressed) seconds. */
  left: number; legalLeft: number;
  status: "open" | "overdue" | "met" | "late";
  overdue: boolean;
  replied: number | null; delayNotice: number | null;
  /** "req-3 to Luxembourg SPOC (LU)" */
  title: string;
  /** "7m 12s (legal 7h 12m)", "overdue by ...", "answered in time at 0:12:00" */
  text: string;
  statusLabel: string;
  delayLabel: string;
}

/** SPOC requests with their time left; open ones first, soonest deadline first. */
export function deadlines(spoc: readonly SpocItem[], tick: number, clockRatio: number, o: { scenario?: Scenario | null; lang?: string } = {}): DeadlineRow[] {
  const l = o.lang ?? uiLang();
  const sc = o.scenario ?? null;
  const rows = spoc.map((r): DeadlineRow => {
    const left = r.deadline - tick;
    const status = r.replied !== null ? (r.replied <= r.deadline ? "met" : "late") : tick > r.deadline ? "overdue" : "open";
    const text = status === "met" ? tr("deadline.met", { time: clock(r.replied ?? 0) }) : status === "late" ? tr("deadline.late", { time: clock(r.replied ?? 0) }) : formatLeft(left, clockRatio);
    const deskLabel = nameOf(sc, r.desk, l).replace(/ \([A-Z]{2}\)$/, "");
    return {
      id: r.id, t: r.t, by: r.by, byLabel: nameOf(sc, r.by, l), desk: r.desk, deskLabel, requestedCountry: r.requestedCountry,
      urgency: r.urgency, urgencyLabel: urgencyBadge(r.urgency), deadline: r.deadline, left, legalLeft: left * clockRatio,
      status, overdue: status === "overdue", replied: r.replied, delayNotice: r.delayNotice,
      title: tr("deadline.request", { id: r.id, desk: deskLabel, country: r.requestedCountry }), text,
      statusLabel: tr(`deadline.status.${status}`), delayLabel: r.delayNotice !== null ? tr("deadline.delayNotice", { time: clock(r.delayNotice) }) : "",
    };
  });
  const rank = { overdue: 0, open: 1, late: 2, met: 3 } as const;
  return rows.sort((a, b) => rank[a.status] - rank[b.status] || (a.status === "open" || a.status === "overdue" ? a.deadline - b.deadline : b.t - a.t));
}
