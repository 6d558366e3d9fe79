/// <reference types="vite/client" />
// The frame that exercise control's console and the evaluator view share. Both show the same live
// parts (clock, events list, objectives, legal findings, participants), both are rebuilt whole on a
// seat or language change without losing what was typed, and both pass each store topic only to the
// parts that follow it. The two views differ in what they add and in exercise control's controls.
import "../console.css";
import type { Ctx } from "../../exercise/ctx.ts";
import type { Topic } from "../../exercise/store.ts";
import { t } from "../../i18n/index.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { clockBar } from "./clock-bar.ts";
import { h } from "./dom.ts";
import { violationList } from "./findings.ts";
import { injectList } from "./inject-list.ts";
import { keepValues, restoreValues, type Kept } from "./kept-values.ts";
import { objectiveList } from "./objectives.ts";
import { participantList } from "./participants.ts";

/** A live piece of a staff view: redrawn on the topics it follows, disposed on a rebuild. */
export interface Part { update(): void; dispose?(): void; topics: Topic[] }

/**
 * The live parts both staff views show, and their topics. `control` is exercise control's: the clock
 * controls, "Trigger now" and role assignment; without it the parts are read-only (evaluators).
 */
export function liveParts(ctx: Ctx, control: boolean) {
  const clock = clockBar(ctx, control);
  const injects = injectList(ctx, !control);
  const objectives = objectiveList(ctx);
  const violations = violationList(ctx);
  const participants = participantList(ctx, control);
  const parts: Part[] = [
    { ...clock, topics: ["phase", "tick"] },
    { ...injects, topics: ["console", "tick", "phase"] },
    { ...objectives, topics: ["console"] },
    { ...violations, topics: ["console"] },
    { ...participants, topics: ["participants"] },
  ];
  return { clock, injects, objectives, violations, participants, parts };
}

export interface StaffView {
  /** Class and data-testid of the view's root. */
  cls: string; testid: string;
  /** The store topics any of its parts follows. */
  topics: readonly Topic[];
  /** What was typed, by exercise, kept across tab switches (one map per view). */
  drafts: Map<string, Kept>;
  /** Fill the root for the scenario; returns the live parts. */
  build(root: HTMLElement, sc: Scenario): Part[];
}

/** Mount a staff view; returns the unmount function. Until the scenario arrives it says it is waiting. */
export function mountStaffView(el: HTMLElement, ctx: Ctx, view: StaffView): () => void {
  const { store } = ctx;
  const root = h("div", { class: view.cls, testid: view.testid });
  el.append(root);
  let parts: Part[] = [];
  let kept: Kept = new Map();

  const build = () => {
    for (const p of parts) p.dispose?.();
    kept = root.childElementCount ? keepValues(root) : (view.drafts.get(store.m.exerciseId) ?? kept);
    root.replaceChildren();
    parts = [];
    const sc = store.m.scenario;
    if (!sc) { root.append(h("p", { class: "cx-muted", text: t("console:waiting") })); return; }
    parts = view.build(root, sc);
    restoreValues(root, kept);
  };

  build();
  const offs = [
    store.on("seat", build),
    store.on("lang", build),
    ...view.topics.map((topic) => store.on(topic, () => { for (const p of parts) if (p.topics.includes(topic)) p.update(); })),
  ];
  return () => {
    for (const off of offs) off();
    for (const p of parts) p.dispose?.();
    if (store.m.scenario) view.drafts.set(store.m.exerciseId, keepValues(root));
    root.remove();
  };
}
