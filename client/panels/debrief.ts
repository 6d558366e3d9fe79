// The debrief of a finished exercise, in the page: (a) the after-action report (the same HTML the
// server stores, in the interface language) with a personal summary for a trainee, and (b) a replay
// of the whole exercise on the map with a timeline, playback speeds and jumps to every violation,
// decision, inject and border crossing. Everything is recomputed in the browser from the log the room
// sends at the end (Debrief), with the same engine the server ran.
import { citation } from "../../shared/report/rules-i18n.ts";
import "./debrief.css";
import type { Ctx, Mount } from "../exercise/ctx.ts";
import { lang, t, tx } from "../i18n/index.ts";
import { clock } from "../views/time.ts";
import { MARKER_KINDS, Replayer, type Marker, type MarkerKind } from "../views/replay.ts";
import type { Debrief } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { ViolationCode } from "../../shared/scenario/vocab.ts";
import { buildReport, type AfterActionReport } from "../../shared/report/aar.ts";
import { renderReportHtml } from "../../shared/report/html.ts";
import { REPORT_LANGUAGES } from "../../shared/report/i18n.ts";
import { ruleText } from "../../shared/report/rules-i18n.ts";
import { NO_EVALUATIONS, type Evaluations } from "../../shared/score/evaluations.ts";
import type { Rating } from "../../shared/score/ratings.ts";
import { scoreExercise, type Scorecard } from "../../shared/score/scorecard.ts";
import type { SimEvent } from "../../shared/sim/types.ts";
import type { MapView } from "../map/map-view.ts";

type Text = Record<string, string | undefined>;

// --- pure helpers (tested in Node) -------------------------------------------------------------

/** Exercise time as H:MM:SS. */
export const hms = clock;

export const SPEEDS = [1, 10, 60, 300] as const;
/** Shapes of the marker kinds on the timeline and in the list (never colour alone). */
export const GLYPH: Record<MarkerKind, string> = { violation: "▲", decision: "◆", inject: "●", crossing: "⇆" };

/** The report language for an interface language (the report speaks en, fr, de). */
export const reportLang = (l: string): string => (REPORT_LANGUAGES.includes(l) ? l : "en");

/** The after-action report of a replayed exercise: what reportFromLog() gives, without replaying the
 * log a second time (the replayer already holds every event and has checked every checkpoint). */
export function reportOf(r: Replayer, evaluations: Evaluations, l: string, scorecard: Scorecard = scoreExercise(r.scenario, [...r.events], evaluations)): AfterActionReport {
  const log = r.log;
  return buildReport(r.scenario, [...r.events], scorecard, evaluations, {
    seed: log.seed, simVersion: log.simVersion, scenarioHash: log.scenarioHash, ticks: r.total, ended: r.closed,
  }, reportLang(l));
}

export interface PersonalSummary {
  role: string;
  roleTitle: string;
  objectives: { id: string; title: string; rating: Rating; reasons: string[] }[];
  /** Rules the role broke, one entry per rule, in the order first broken. */
  violations: { code: string; article: string; rule: string; count: number; ticks: number[] }[];
  strengths: string[];
}

/** A trainee's own part of the report: the objectives that rate their role, the rules they broke,
 * and the report's strengths that concern them (their objectives, and the exercise-wide ones). */
export function personalSummary(report: AfterActionReport, scenario: Scenario, role: string): PersonalSummary {
  const mine = report.scorecard.objectives.filter((o) => o.rated.includes(role));
  const objectives = mine.map((o) => ({ id: o.id, title: report.objectiveTitles[o.id] ?? o.id, rating: o.final, reasons: o.reasons }));
  const violations: PersonalSummary["violations"] = [];
  for (const v of report.violations) {
    if (v.role !== role) continue;
    const x = violations.find((w) => w.code === v.code);
    if (x) { x.count += 1; x.ticks.push(v.t); } else violations.push({ code: v.code, article: v.article, rule: ruleText(v.code as ViolationCode, report.lang), count: 1, ticks: [v.t] });
  }
  const titles = scenario.objectives.map((o) => ({ id: o.id, title: report.objectiveTitles[o.id] ?? o.id }));
  // Only what is about the role's own objectives: the team's strengths are in the full report below.
  const strengths = report.strengths.filter((s) => {
    const about = titles.find((o) => s.startsWith(`${o.title}:`));
    return !!about && mine.some((o) => o.id === about.id);
  });
  return { role, roleTitle: report.roles[role]?.title ?? role, objectives, violations, strengths };
}

/** What an id of the scenario is called in a language: role, party, desk, unit, actor, site, country. */
export function nameIn(scenario: Scenario, id: string | null | undefined, l: string): string {
  if (id === null || id === undefined) return t("debrief:exerciseControl");
  const text: Text | undefined =
    scenario.roles.find((x) => x.id === id)?.title ?? scenario.parties.find((x) => x.id === id)?.name ?? scenario.desks.find((x) => x.id === id)?.name ??
    scenario.actors.find((x) => x.id === id)?.name ?? scenario.map.sites.find((x) => x.id === id)?.name ?? scenario.map.countries.find((x) => x.code === id)?.name;
  if (text) return tx(text, l) || id;
  return scenario.units.find((x) => x.id === id)?.callsign ?? (id === "instructor" ? t("debrief:exerciseControl") : id);
}

const shorten = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const orderName = (o: string) => t(`common:orders.${o}`, { defaultValue: o.replaceAll("_", " ") });

/** One line of the replay's caption for an event, or null for the events not worth a line. */
export function captionOf(e: SimEvent, scenario: Scenario, l: string): string | null {
  const n = (id: string | null | undefined) => nameIn(scenario, id, l);
  switch (e.type) {
    case "violation": return t("debrief:ev.violation", { role: n(e.role), rule: ruleText(e.code, reportLang(l)) });
    case "decision_recorded": return t("debrief:ev.decision", { role: n(e.by), text: shorten(e.decision) });
    case "inject_fired": {
      const title = scenario.injects.find((i) => i.id === e.inject)?.title;
      return t("debrief:ev.inject", { title: title ? tx(title, l) : e.inject });
    }
    case "border_crossed": return t("debrief:ev.crossing", { who: n(e.who), from: e.from || "–", into: e.into || "–" });
    case "order_given": return t("debrief:ev.order", { role: n(e.by), unit: n(e.unit), order: orderName(e.order) });
    case "message_sent": return t("debrief:ev.message", { from: n(e.from), to: n(e.to), text: shorten(e.text, 100) });
    case "actor_state": return t("debrief:ev.actor", { actor: n(e.actor), from: e.from.replaceAll("_", " "), to: e.to.replaceAll("_", " ") });
    case "stop_requested": return t("debrief:ev.stop", { host: e.host, sending: e.sending });
    case "objective_achieved": {
      const o = scenario.objectives.find((x) => x.id === e.objective);
      return t("debrief:ev.objective", { title: o ? tx(o.title, l) : e.objective });
    }
    case "expected_missed": {
      const title = scenario.injects.find((i) => i.id === e.inject)?.title;
      return t("debrief:ev.missed", { inject: `${title ? tx(title, l) : e.inject} (${e.expected})` });
    }
    case "reported_to_local_authority": return t("debrief:ev.report", { unit: n(e.unit) });
    case "agreement_signed": return t("debrief:ev.agreement", { by: n(e.by), host: e.host, sending: e.sending });
    case "powers_conferred": return t("debrief:ev.powers", { host: e.host, sending: e.sending });
    case "assistance_requested": return t("debrief:ev.assistance", { role: n(e.by), to: n(e.to) });
    case "instruction_given": return t("debrief:ev.instruction", { host: e.host, to: e.to.map(n).join(", ") });
    case "exercise_ended": return t("debrief:ev.ended");
    default: return null;
  }
}

/** The text of a marker in the jump list and on the timeline. */
export function markerText(m: Marker, scenario: Scenario, l: string): string {
  const n = (id: string | null | undefined) => nameIn(scenario, id, l);
  switch (m.kind) {
    case "violation": return t("debrief:marker.violation", { code: m.code, article: citation(m.article, l), role: `${n(m.role)}${m.unit ? ` / ${n(m.unit)}` : ""}` });
    case "decision": return t("debrief:marker.decision", { role: n(m.by), text: shorten(m.text) });
    case "inject": return t("debrief:marker.inject", { title: tx(m.title, l) || m.inject });
    case "crossing": return `${t("debrief:marker.crossing", { who: n(m.who), from: m.from || "–", into: m.into || "–" })}${m.pursuit ? ` (${t("debrief:marker.pursuing", { actor: n(m.pursuit) })})` : ""}`;
  }
}

// --- the panel ------------------------------------------------------------------------------------

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean | undefined> = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === "class") e.className = String(v);
    else if (k === "text") e.textContent = String(v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

const TEXT_INPUT = /^(text|search|email|number|password|url|tel|date|time|datetime-local|month|week)$/;
/** Keys belong to a text field (or a select, whose arrows change its value), not to the replay. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT.test(target.type);
}

type Tab = "report" | "replay";

class DebriefPanel {
  private readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly offs: (() => void)[] = [];
  private disposed = false;

  private d: Debrief | null = null;
  private r: Replayer | null = null;
  private scorecard: Scorecard | null = null;
  private reports = new Map<string, { report: AfterActionReport; html: string }>();
  private tab: Tab = "report";
  private blobUrl: string | null = null;

  // replay state
  private map: MapView | null = null;
  private mapState: "none" | "loading" | "ready" | "failed" = "none";
  /** The language the map was drawn in (its place names): redrawn when the interface changes it. */
  private mapLang = "";
  private playing = false;
  private speed: number = SPEEDS[1];
  private acc = 0;
  private lastNow = 0;
  private raf = 0;
  private pendingSeek: number | null = null;
  private seekRaf = 0;
  private viewerRole: string | null = null;
  private kinds = new Set<MarkerKind>(MARKER_KINDS);
  private shownEvents = -1;
  private currentMarker: string | null = null;
  /** The marker last jumped to: it stays the current one while the replay stands on it. */
  private pinned: Marker | null = null;
  /** Bumped when another debrief replaces the shown one (a map still loading for the old one is dropped). */
  private gen = 0;

  // elements (built once the debrief is ready)
  private el: Record<string, HTMLElement> = {};

  constructor(host: HTMLElement, private readonly ctx: Ctx) {
    this.body = h("div", { class: "dbf-body" });
    this.root = h("section", { class: "debrief", "data-testid": "debrief" }, this.body);
    host.append(this.root);
    this.offs.push(ctx.store.on("debrief", () => void this.start()));
    this.offs.push(ctx.store.on("lang", () => this.relabel()));
    this.offs.push(ctx.store.on("seat", () => { this.viewerRole = this.traineeRole(); this.relabel(); }));
    const keydown = (e: KeyboardEvent) => this.onDocKey(e);
    const keyup = (e: KeyboardEvent) => { if (e.key === " " && this.keysActive() && !typingIn(e.target) && e.target instanceof HTMLButtonElement) e.preventDefault(); };
    document.addEventListener("keydown", keydown);
    document.addEventListener("keyup", keyup);
    this.offs.push(() => document.removeEventListener("keydown", keydown), () => document.removeEventListener("keyup", keyup));
    void this.start();
  }

  destroy(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.setPlaying(false);
    if (this.seekRaf) cancelAnimationFrame(this.seekRaf);
    for (const off of this.offs) off();
    this.map?.destroy();
    this.map = null;
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.root.remove();
  }

  private traineeRole(): string | null {
    const seat = this.ctx.store.m.seat;
    return seat?.kind === "trainee" ? seat.role : null;
  }

  // --- loading -----------------------------------------------------------------------------------

  private async start(): Promise<void> {
    const d = this.ctx.store.m.debrief;
    if (!d || !d.log || !d.scenario) { if (!this.d) this.status(t("debrief:waiting")); return; }
    if (this.d && this.d.exerciseId === d.exerciseId && this.d.log === d.log) return;
    this.d = d;
    this.viewerRole = this.traineeRole();
    this.status(t("debrief:preparing", { percent: 0 }));
    try {
      const r = await Replayer.load(d.scenario, d.log, {
        onProgress: (p) => { if (!this.disposed && this.d === d) this.status(t("debrief:preparing", { percent: Math.floor(p * 100) })); },
      });
      if (this.disposed || this.d !== d) return;
      // Another exercise's debrief replaces the one shown: start its replay afresh.
      this.setPlaying(false);
      this.gen += 1;
      this.map?.destroy();
      this.map = null;
      this.mapState = "none";
      this.pinned = null;
      this.r = r;
      this.scorecard = scoreExercise(d.scenario, [...r.events], this.evaluations());
      this.reports.clear();
      this.build();
    } catch (e) {
      if (!this.disposed && this.d === d) this.status(t("debrief:failed", { reason: e instanceof Error ? e.message : String(e) }), "error");
    }
  }

  private evaluations(): Evaluations { return this.d?.evaluations ?? NO_EVALUATIONS; }

  private status(text: string, level: "info" | "error" = "info"): void {
    this.body.replaceChildren(h("p", { class: `dbf-status dbf-status--${level}`, role: level === "error" ? "alert" : "status", text }));
  }

  private report(): { report: AfterActionReport; html: string } {
    const l = reportLang(lang());
    let x = this.reports.get(l);
    if (!x) {
      const report = reportOf(this.r as Replayer, this.evaluations(), l, this.scorecard ?? undefined);
      x = { report, html: renderReportHtml(report) };
      this.reports.set(l, x);
    }
    return x;
  }

  // --- building ----------------------------------------------------------------------------------

  private build(): void {
    const r = this.r as Replayer;
    const e = this.el;
    e.warn = h("p", { class: "dbf-status dbf-status--warn", role: "alert", hidden: r.mismatches.length === 0 });
    e.tabReport = h("button", { type: "button", role: "tab", id: "dbf-tab-report", "aria-controls": "dbf-panel-report", "data-tab": "report", class: "dbf-tab" });
    e.tabReplay = h("button", { type: "button", role: "tab", id: "dbf-tab-replay", "aria-controls": "dbf-panel-replay", "data-tab": "replay", class: "dbf-tab" });
    e.tabs = h("div", { class: "dbf-tabs", role: "tablist" }, e.tabReport, e.tabReplay);
    e.tabReport.onclick = () => this.show("report");
    e.tabReplay.onclick = () => this.show("replay");
    e.tabs.onkeydown = (ev) => {
      if (ev.key !== "ArrowLeft" && ev.key !== "ArrowRight") return;
      ev.preventDefault();
      ev.stopPropagation();
      this.show(this.tab === "report" ? "replay" : "report");
      (this.tab === "report" ? e.tabReport : e.tabReplay)?.focus();
    };

    // (a) the report
    e.download = h("a", { class: "dbf-link", "data-testid": "report-download" });
    e.open = h("a", { class: "dbf-link", target: "_blank", rel: "noopener" });
    e.summary = h("section", { class: "dbf-mine", "data-testid": "my-summary" });
    e.frame = h("iframe", { class: "dbf-frame", "data-testid": "report-frame", sandbox: "" });
    e.reportPanel = h("div", { class: "dbf-panel dbf-report", role: "tabpanel", id: "dbf-panel-report", "aria-labelledby": "dbf-tab-report" },
      h("div", { class: "dbf-bar" }, e.download, e.open), e.summary, e.frame);

    // (b) the replay
    e.map = h("div", { class: "dbf-map" });
    e.mapNote = h("p", { class: "dbf-map-note" });
    e.markerHead = h("h3", { class: "dbf-h" });
    e.filters = h("div", { class: "dbf-filters" });
    e.list = h("ol", { class: "dbf-markers" });
    e.side = h("aside", { class: "dbf-side" }, e.markerHead, e.filters, e.list);
    e.highlightLabel = h("span");
    e.highlight = h("select", { class: "dbf-highlight" });
    e.highlight.onchange = () => { this.viewerRole = (e.highlight as HTMLSelectElement).value || null; this.draw(0); };
    e.highlightBox = h("label", { class: "dbf-field" }, e.highlightLabel, e.highlight);
    e.play = h("button", { type: "button", class: "dbf-play", "data-testid": "replay-play", "aria-pressed": "false" });
    e.play.onclick = () => this.toggle();
    e.speedLabel = h("span");
    e.speed = h("select", { "data-testid": "replay-speed" }, ...SPEEDS.map((s) => h("option", { value: s, text: `${s}×`, selected: s === this.speed })));
    e.speed.onchange = () => { this.speed = Number((e.speed as HTMLSelectElement).value); this.acc = 0; };
    e.timeLabel = h("span", { class: "dbf-sr" });
    e.time = h("output", { class: "dbf-time", "data-testid": "replay-time" });
    e.total = h("span", { class: "dbf-total" });
    e.keys = h("p", { class: "dbf-keys" });
    e.controls = h("div", { class: "dbf-controls" }, e.play, h("label", { class: "dbf-field" }, e.speedLabel, e.speed),
      h("span", { class: "dbf-clock" }, e.timeLabel, e.time, " ", e.total), e.highlightBox);
    e.lanes = h("div", { class: "dbf-lanes" });
    e.scrub = h("input", { type: "range", class: "dbf-scrub", "data-testid": "replay-scrubber", min: 0, max: r.total, step: 1, value: 0 });
    e.scrub.oninput = () => this.requestSeek(Number((e.scrub as HTMLInputElement).value));
    e.scrub.onkeydown = (ev) => { if (ev.key.startsWith("Arrow") || ev.key === "PageUp" || ev.key === "PageDown" || ev.key === "Home" || ev.key === "End") this.onKey(ev, true); };
    e.playhead = h("div", { class: "dbf-playhead", "aria-hidden": "true" });
    e.track = h("div", { class: "dbf-track" }, e.lanes, h("div", { class: "dbf-scrub-row" }, e.scrub), e.playhead);
    e.legend = h("p", { class: "dbf-legend" });
    e.captionHead = h("h3", { class: "dbf-h" });
    e.caption = h("ol", { class: "dbf-caption", "aria-live": "polite" });
    e.replayPanel = h("div", { class: "dbf-panel dbf-replay", role: "tabpanel", id: "dbf-panel-replay", "aria-labelledby": "dbf-tab-replay", hidden: true },
      h("div", { class: "dbf-stage" }, h("div", { class: "dbf-mapbox" }, e.map, e.mapNote), e.side),
      h("div", { class: "dbf-timeline" }, e.controls, e.track, e.legend, e.keys),
      h("div", { class: "dbf-captionbox" }, e.captionHead, e.caption));

    this.body.replaceChildren(e.warn, e.tabs, e.reportPanel, e.replayPanel);
    r.seek(0);
    this.relabel();
    this.show(this.tab);
  }

  /** Every text in the interface language (after a language change too). */
  private relabel(): void {
    const r = this.r;
    const d = this.d;
    if (!r || !d || !this.el.tabs) { void this.start(); return; }
    const e = this.el;
    const l = lang();
    this.root.setAttribute("aria-label", t("debrief:title"));
    if (r.mismatches.length) e.warn!.textContent = t("debrief:mismatch", { time: hms(r.mismatches[0]?.tick ?? 0) });
    e.tabs!.setAttribute("aria-label", t("debrief:tabs.label"));
    e.tabReport!.textContent = t("debrief:tabs.report");
    e.tabReplay!.textContent = t("debrief:tabs.replay");
    this.renderReport();
    // replay
    e.markerHead!.textContent = t("debrief:replay.markers");
    e.speedLabel!.textContent = t("debrief:replay.speed");
    e.timeLabel!.textContent = `${t("debrief:replay.time")} `;
    e.total!.textContent = t("debrief:replay.total", { total: hms(r.total) });
    e.scrub!.setAttribute("aria-label", t("debrief:replay.scrubber"));
    e.keys!.textContent = t("debrief:replay.keys");
    e.captionHead!.textContent = t("debrief:replay.caption");
    e.highlightLabel!.textContent = `${t("debrief:replay.highlight")} `;
    const trainee = this.traineeRole();
    e.highlightBox!.hidden = trainee !== null;
    (e.highlight as HTMLSelectElement).replaceChildren(
      h("option", { value: "", text: t("debrief:replay.nobody"), selected: this.viewerRole === null }),
      ...d.scenario.roles.map((ro) => h("option", { value: ro.id, text: tx(ro.title, l), selected: this.viewerRole === ro.id })),
    );
    if (this.mapState === "loading") e.mapNote!.textContent = t("debrief:replay.mapLoading");
    if (this.mapState === "ready" && this.mapLang !== l) {
      // Place names are drawn into the map: draw it again in the new language.
      this.gen += 1;
      this.map?.destroy();
      this.map = null;
      this.mapState = "none";
      if (this.tab === "replay") void this.ensureMap();
    }
    this.renderPlay();
    this.renderMarkers();
    this.shownEvents = -1;
    this.draw(0);
  }

  private renderReport(): void {
    const d = this.d as Debrief;
    const e = this.el;
    const { report, html } = this.report();
    (e.frame as HTMLIFrameElement).srcdoc = html;
    e.frame!.setAttribute("title", t("debrief:report.frame"));
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
    const file = `jointex-report-${d.scenario.meta.id}-${d.exerciseId || "exercise"}-${report.lang}.html`.replace(/[^A-Za-z0-9._-]+/g, "-");
    Object.assign(e.download as HTMLAnchorElement, { href: this.blobUrl, download: file, textContent: t("debrief:report.download") });
    Object.assign(e.open as HTMLAnchorElement, { href: this.blobUrl, textContent: t("debrief:report.open") });
    this.renderSummary(report);
  }

  /** A trainee's own results above the report. */
  private renderSummary(report: AfterActionReport): void {
    const box = this.el.summary as HTMLElement;
    const role = this.traineeRole();
    box.hidden = role === null;
    if (role === null) { box.replaceChildren(); return; }
    const s = personalSummary(report, (this.d as Debrief).scenario, role);
    const objectives = s.objectives.length
      ? h("ul", { class: "dbf-objectives" }, ...s.objectives.map((o) => h("li", { "data-objective": o.id },
        h("span", { class: `dbf-rating dbf-rating--${o.rating}`, text: o.rating }), " ",
        h("b", { text: o.title }), ` — ${t(`debrief:rating.${o.rating}`)}`,
        o.reasons[0] ? h("div", { class: "dbf-sub", text: o.reasons[0] }) : null)))
      : h("p", { class: "dbf-sub", text: t("debrief:mine.noObjectives") });
    const broke = s.violations.length
      ? h("ul", { class: "dbf-broke" }, ...s.violations.map((v) => h("li", { "data-testid": "my-violation", "data-code": v.code },
        h("span", { class: "dbf-glyph dbf-glyph--violation", "aria-hidden": "true", text: GLYPH.violation }), " ",
        h("code", { text: v.code }), " ", h("span", { class: "dbf-article", text: `[${v.article}]` }),
        v.count > 1 ? ` ${t("debrief:mine.count", { count: v.count })}` : "",
        ` ${t("debrief:mine.at", { times: v.ticks.map(hms).join(", ") })}`,
        h("div", { class: "dbf-rule", text: v.rule }))))
      : h("p", { class: "dbf-good", text: t("debrief:mine.noViolations") });
    const well = s.strengths.length ? h("ul", { class: "dbf-well" }, ...s.strengths.map((x) => h("li", { text: x }))) : h("p", { class: "dbf-sub", text: t("debrief:mine.nothingWell") });
    box.replaceChildren(
      h("h2", { class: "dbf-mine-title", text: t("debrief:mine.title", { role: s.roleTitle }) }),
      h("div", { class: "dbf-mine-grid" },
        h("div", {}, h("h3", { class: "dbf-h", text: t("debrief:mine.objectives") }), objectives),
        h("div", {}, h("h3", { class: "dbf-h", text: t("debrief:mine.broke") }), broke),
        h("div", {}, h("h3", { class: "dbf-h", text: t("debrief:mine.well") }), well)),
    );
  }

  /** The jump list and the marker lanes of the timeline. */
  private renderMarkers(): void {
    const r = this.r as Replayer;
    const sc = (this.d as Debrief).scenario;
    const e = this.el;
    const l = lang();
    const all = r.markers();
    const present = MARKER_KINDS.filter((k) => all.some((m) => m.kind === k));
    e.filters!.replaceChildren(h("span", { class: "dbf-sub", text: `${t("debrief:replay.show")}:` }), ...present.map((k) => {
      const box = h("input", { type: "checkbox", checked: this.kinds.has(k), "data-kind": k });
      box.onchange = () => { if ((box as HTMLInputElement).checked) this.kinds.add(k); else this.kinds.delete(k); this.renderMarkers(); this.draw(0); };
      return h("label", { class: `dbf-filter dbf-kind--${k}` }, box, h("span", { class: "dbf-glyph", "aria-hidden": "true", text: GLYPH[k] }), ` ${t(`debrief:kinds.${k}`)} (${all.filter((m) => m.kind === k).length})`);
    }));
    const shown = all.filter((m) => this.kinds.has(m.kind));
    e.list!.replaceChildren(...(shown.length ? shown.map((m) => {
      const text = markerText(m, sc, l);
      const b = h("button", { type: "button", class: `dbf-marker dbf-kind--${m.kind}`, "data-testid": "marker", "data-kind": m.kind, "data-tick": m.tick, "data-pos": m.pos, "data-id": m.id, title: m.kind === "violation" ? m.detail : text },
        h("span", { class: "dbf-glyph", "aria-hidden": "true", text: GLYPH[m.kind] }),
        h("span", { class: "dbf-mtime", text: hms(m.tick) }),
        h("span", { class: "dbf-mkind", text: t(`debrief:kind.${m.kind}`) }),
        h("span", { class: "dbf-mtext", text }),
        m.kind === "violation" ? h("span", { class: "dbf-rule", text: ruleText(m.code as ViolationCode, reportLang(l)) }) : null);
      b.onclick = () => this.jump(m);
      return h("li", {}, b);
    }) : [h("li", { class: "dbf-sub", text: t("debrief:replay.noMarkers") })]));
    // Lanes: one per kind, with its name and its shape, markers placed at their time.
    const span = Math.max(1, r.total);
    e.lanes!.replaceChildren(...present.filter((k) => this.kinds.has(k)).map((k) => h("div", { class: `dbf-lane dbf-kind--${k}` },
      h("span", { class: "dbf-lane-label", title: t(`debrief:kinds.${k}`) }, h("span", { class: "dbf-glyph", "aria-hidden": "true", text: GLYPH[k] }), ` ${t(`debrief:kinds.${k}`)}`),
      h("div", { class: "dbf-lane-track" }, ...shown.filter((m) => m.kind === k).map((m) => {
        const label = `${hms(m.tick)} ${t(`debrief:kind.${m.kind}`)}: ${markerText(m, sc, l)}`;
        const b = h("button", { type: "button", tabindex: -1, class: "dbf-tick", style: `left:${((m.pos / span) * 100).toFixed(3)}%`, title: label, "aria-label": label, "data-testid": "timeline-marker", "data-kind": m.kind, "data-tick": m.tick, text: GLYPH[m.kind] });
        b.onclick = () => this.jump(m);
        return b;
      })))));
    e.legend!.replaceChildren(h("span", { class: "dbf-sr", text: `${t("debrief:replay.legend")}: ` }), ...MARKER_KINDS.map((k) => h("span", { class: `dbf-legend-item dbf-kind--${k}` }, h("span", { class: "dbf-glyph", "aria-hidden": "true", text: GLYPH[k] }), ` ${t(`debrief:kind.${k}`)}`)));
    this.currentMarker = null;
  }

  private renderPlay(): void {
    const b = this.el.play;
    if (!b) return;
    b.textContent = `${this.playing ? "❚❚" : "▶"} ${t(this.playing ? "debrief:replay.pause" : "debrief:replay.play")}`;
    b.setAttribute("aria-pressed", String(this.playing));
    this.el.caption?.setAttribute("aria-live", this.playing ? "off" : "polite");
  }

  // --- tabs and map -------------------------------------------------------------------------------

  private show(tab: Tab): void {
    this.tab = tab;
    const e = this.el;
    e.tabReport!.setAttribute("aria-selected", String(tab === "report"));
    e.tabReplay!.setAttribute("aria-selected", String(tab === "replay"));
    e.tabReport!.tabIndex = tab === "report" ? 0 : -1;
    e.tabReplay!.tabIndex = tab === "replay" ? 0 : -1;
    e.reportPanel!.hidden = tab !== "report";
    e.replayPanel!.hidden = tab !== "replay";
    this.root.dataset.view = tab;
    if (tab === "replay") void this.ensureMap();
    else this.setPlaying(false);
  }

  private async ensureMap(): Promise<void> {
    if (this.mapState !== "none" || !this.d) return;
    this.mapState = "loading";
    const gen = this.gen;
    const note = this.el.mapNote as HTMLElement;
    note.hidden = false;
    note.textContent = t("debrief:replay.mapLoading");
    try {
      const { MapView } = await import("../map/map-view.ts");
      this.mapLang = lang();
      const map = await MapView.create({ parent: this.el.map as HTMLElement, map: this.d.scenario.map, lang: this.mapLang, onSelect: (id: string | null) => this.map?.setSelected(id), minimap: true });
      if (this.disposed || gen !== this.gen) { map.destroy(); return; }
      this.map = map;
      this.mapState = "ready";
      note.hidden = true;
      this.draw(0);
      map.fitAll();
    } catch (err) {
      if (gen !== this.gen) return;
      this.mapState = "failed";
      if (!this.disposed) note.textContent = t("debrief:replay.mapFailed", { reason: err instanceof Error ? err.message : String(err) });
    }
  }

  // --- playing and moving ----------------------------------------------------------------------

  private toggle(): void { this.setPlaying(!this.playing); }

  private setPlaying(on: boolean): void {
    const r = this.r;
    if (on && r && r.tick >= r.total) { r.seek(0); this.draw(0); }
    this.playing = on && !!r;
    if (this.playing && !this.raf) {
      this.acc = 0;
      this.lastNow = performance.now();
      this.raf = requestAnimationFrame((now) => this.loop(now));
    } else if (!this.playing && this.raf) {
      cancelAnimationFrame(this.raf);
      this.raf = 0;
    }
    this.renderPlay();
  }

  private loop(now: number): void {
    this.raf = 0;
    const r = this.r;
    if (!this.playing || !r || this.disposed) return;
    const dt = Math.min(250, Math.max(0, now - this.lastNow));
    this.lastNow = now;
    this.acc += (dt / 1000) * this.speed;
    const whole = Math.floor(this.acc);
    if (whole > 0) {
      this.acc -= whole;
      r.seek(Math.min(r.total, r.tick + whole));
      // Glide to the new positions over the time until the next step at this speed.
      this.draw(Math.min(1000, (whole * 1000) / this.speed));
      if (r.tick >= r.total) { this.setPlaying(false); return; }
    }
    this.raf = requestAnimationFrame((n) => this.loop(n));
  }

  /** Scrubbing: seek at most once an animation frame, to the latest position asked for. */
  private requestSeek(pos: number): void {
    this.pendingSeek = pos;
    if (this.seekRaf) return;
    this.seekRaf = requestAnimationFrame(() => {
      this.seekRaf = 0;
      const p = this.pendingSeek;
      this.pendingSeek = null;
      if (p === null || !this.r) return;
      this.r.seek(p);
      this.acc = 0;
      this.draw(0);
    });
  }

  private goTo(pos: number): void {
    if (!this.r) return;
    this.r.seek(pos);
    this.acc = 0;
    this.draw(0);
  }

  private jump(m: Marker): void {
    this.setPlaying(false);
    this.pinned = m;
    this.goTo(m.pos);
    if (m.at) this.map?.focus(m.at[0], m.at[1]);
  }

  private keysActive(): boolean {
    return !this.disposed && !!this.r && this.tab === "replay" && this.root.isConnected && !(this.el.replayPanel?.hidden ?? true);
  }

  /** Keys anywhere in the page while the replay is shown, except in text fields (and the scrubber,
   * whose own handler takes its arrows). */
  private onDocKey(ev: KeyboardEvent): void {
    if (ev.target === this.el.scrub && ev.key !== " ") return;
    if (typingIn(ev.target)) return;
    this.onKey(ev);
  }

  private onKey(ev: KeyboardEvent, fromScrubber = false): void {
    const r = this.r;
    if (!r || !this.keysActive() || ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const kinds = [...this.kinds];
    if (ev.key === " " || ev.code === "Space") {
      ev.preventDefault();
      this.toggle();
    } else if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") {
      ev.preventDefault();
      ev.stopPropagation();
      const fwd = ev.key === "ArrowRight";
      if (ev.shiftKey) {
        const m = fwd ? r.markerAfter(r.tick, kinds) : r.markerBefore(r.tick, kinds);
        if (m) this.jump(m);
      } else this.goTo(r.tick + (fwd ? 10 : -10));
    } else if (fromScrubber && (ev.key === "Home" || ev.key === "End")) {
      ev.preventDefault();
      this.goTo(ev.key === "Home" ? 0 : r.total);
    } else if (fromScrubber && (ev.key === "PageUp" || ev.key === "PageDown")) {
      ev.preventDefault();
      this.goTo(r.tick + (ev.key === "PageUp" ? 300 : -300));
    } else if (fromScrubber && (ev.key === "ArrowUp" || ev.key === "ArrowDown")) {
      ev.preventDefault();
      this.goTo(r.tick + (ev.key === "ArrowUp" ? 10 : -10));
    }
  }

  // --- drawing ------------------------------------------------------------------------------------

  /** Bring the map, the clock, the scrubber, the current marker and the caption to the current position. */
  private draw(smoothMs: number): void {
    const r = this.r;
    const d = this.d;
    if (!r || !d || !this.el.time) return;
    const e = this.el;
    const pos = r.tick;
    this.map?.setFrame(r.frame(this.viewerRole, lang()), smoothMs);
    e.time!.textContent = hms(pos);
    const scrub = e.scrub as HTMLInputElement;
    if (Number(scrub.value) !== pos && this.pendingSeek === null) scrub.value = String(pos);
    scrub.setAttribute("aria-valuetext", hms(pos));
    e.playhead!.style.setProperty("--at-frac", (pos / Math.max(1, r.total)).toFixed(5));
    this.root.dataset.tick = String(pos);
    // The latest marker reached.
    if (this.pinned && (this.pinned.pos !== pos || !this.kinds.has(this.pinned.kind))) this.pinned = null;
    const current = this.pinned ?? [...r.markers()].reverse().find((m) => m.pos <= pos && this.kinds.has(m.kind));
    if ((current?.id ?? null) !== this.currentMarker) {
      this.currentMarker = current?.id ?? null;
      for (const b of e.list!.querySelectorAll<HTMLElement>("[data-testid=marker]")) {
        if (b.dataset.id === this.currentMarker) { b.setAttribute("aria-current", "true"); b.scrollIntoView?.({ block: "nearest" }); } else b.removeAttribute("aria-current");
      }
    }
    // The caption: the last few events worth a line, only when new events come into view.
    const visible = r.eventsUpTo(pos);
    if (visible.length !== this.shownEvents) {
      this.shownEvents = visible.length;
      const lines: { t: number; text: string; kind: string }[] = [];
      for (let i = visible.length - 1; i >= 0 && lines.length < 4; i--) {
        const ev = visible[i] as SimEvent;
        const text = captionOf(ev, d.scenario, lang());
        if (text !== null) lines.push({ t: ev.t, text, kind: ev.type });
      }
      e.caption!.replaceChildren(...(lines.length
        ? lines.reverse().map((x) => h("li", { class: `dbf-ev dbf-ev--${x.kind}` }, h("span", { class: "dbf-mtime", text: hms(x.t) }), " ", x.text))
        : [h("li", { class: "dbf-sub", text: t("debrief:replay.nothingYet") })]));
    }
  }
}

/** The panel mounted in each element: mounting again in the same element replaces it (never two
 * replays answering the same keys). */
const mounted = new WeakMap<HTMLElement, DebriefPanel>();

export const mountDebrief: Mount = (el, ctx) => {
  mounted.get(el)?.destroy();
  const panel = new DebriefPanel(el, ctx);
  mounted.set(el, panel);
  return () => {
    panel.destroy();
    if (mounted.get(el) === panel) mounted.delete(el);
  };
};
