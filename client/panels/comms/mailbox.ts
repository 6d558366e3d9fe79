// The inbox and the outbox of the communications panel: each row with its time, who, kind, urgency
// and legal basis, the Acknowledge and Reply buttons, and read state that survives a reload within
// the session. Rows are redrawn when the comms change; read marks are applied in place so that a
// click under way is not swallowed, and focus stays on the same item across a redraw.
import type { Ctx } from "../../exercise/ctx.ts";
import { lang, t } from "../../i18n/index.ts";
import type { CommsItem, Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import type { Draft } from "../../views/comms/draft.ts";
import { storyTime } from "../../views/comms/format.ts";
import { inbox, outbox, unreadCount, type MailRow } from "../../views/comms/mail.ts";
import { ackCommand, replyDraft } from "../../views/comms/reply.ts";
import { h } from "./fields.ts";
import { seatAndScenario } from "./seat.ts";

/** Keep focus on the same item after a list is rebuilt. */
function keepFocus(root: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const item = active && root.contains(active) ? active.closest<HTMLElement>("[data-id]") : null;
  const id = item?.dataset.id;
  const hook = active?.dataset.testid;
  rebuild();
  if (!id) return;
  const again = root.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  const target = (hook && again?.querySelector<HTMLElement>(`[data-testid="${hook}"]`)) || again;
  target?.focus();
}

/**
 * The two mail lists and the unread count. `root` is the panel, where focus is kept across redraws;
 * `openReply` loads a reply draft into the composer.
 */
export function createMailbox(ctx: Ctx, root: HTMLElement, openReply: (draft: Draft, item: CommsItem) => void) {
  const { store, net } = ctx;
  const ready = () => seatAndScenario(store);
  const inboxBox = h("section", { class: "jx-mailbox", "data-testid": "inbox" });
  const outboxBox = h("section", { class: "jx-mailbox", "data-testid": "outbox" });
  const unreadBadge = h("span", { class: "jx-count", "data-testid": "unread-count", "aria-live": "polite" });
  /** Acknowledgements sent and not yet echoed by the room: no second click. */
  const pendingAcks = new Set<string>();

  // Read state survives a reload of the page within the session.
  const readKey = () => `jointex.read.${store.m.exerciseId}.${store.m.seat?.role ?? ""}`;
  const loadRead = (): Set<string> => {
    try {
      return new Set(JSON.parse(sessionStorage.getItem(readKey()) ?? "[]") as string[]);
    } catch {
      return new Set();
    }
  };
  let read = loadRead();
  const markRead = (ids: string[]) => {
    const before = read.size;
    for (const id of ids) read.add(id);
    if (read.size === before) return;
    try { sessionStorage.setItem(readKey(), JSON.stringify([...read])); } catch { /* private mode: memory only */ }
    // Updated in place: rebuilding the list under a pointer would swallow the click that is under way.
    for (const id of ids) {
      const li = inboxBox.querySelector<HTMLElement>(`[data-testid="inbox-item"][data-id="${CSS.escape(id)}"]`);
      if (!li) continue;
      li.classList.remove("is-unread");
      li.dataset.read = "true";
      li.querySelector(".jx-badge--new")?.remove();
    }
    updateUnread();
    // The page's tab counts unread messages too.
    store.emit("read");
  };

  function itemView(row: MailRow, box: "inbox" | "outbox", seat: Seat, sc: Scenario): HTMLElement {
    const li = h("li", {
      class: `jx-item${row.read ? "" : " is-unread"}${row.source === "refused" ? " is-refused" : ""}${row.urgency.startsWith("urgent") ? " is-urgent" : ""}`,
      "data-testid": `${box}-item`,
      "data-id": row.id, "data-kind": row.kind, "data-from": row.from, "data-read": String(row.read), "data-acked": String(row.acknowledged),
      "data-observed": row.observed ? "true" : null, "data-as": row.speakAs || null,
      tabindex: -1,
    });
    const story = storyTime(sc, row.t);
    // Trainees see who wrote to them (inbox) or whom they wrote to (outbox); staff seats see both ends.
    const who = row.routeLabel
      ? h("span", { class: "jx-who", "data-testid": "mail-route" }, row.routeLabel, row.byLabel ? h("span", { class: "jx-hint", text: ` (${t("comms:mail.sentBy", { who: row.byLabel })})` }) : null)
      : box === "inbox" ? h("span", { class: "jx-who" }, h("b", { text: row.fromLabel }))
      : h("span", { class: "jx-who" }, `${t("comms:mail.to")} `, h("b", { text: row.toLabel }), row.ccLabel ? ` · ${t("comms:mail.cc")} ${row.ccLabel}` : "");
    const meta = h("div", { class: "jx-meta" },
      h("time", { class: "jx-time", title: story ? t("comms:mail.storyTime", { time: story }) : null, text: row.time }),
      !row.read ? h("span", { class: "jx-badge jx-badge--new", text: t("comms:mail.new") }) : null,
      h("span", { class: `jx-badge jx-badge--kind${row.source === "refused" ? " jx-badge--refused" : ""}`, text: row.kindLabel }),
      row.urgencyLabel ? h("span", { class: `jx-badge jx-badge--urgency${row.urgency.startsWith("urgent") ? " is-urgent" : ""}`, text: row.urgencyLabel }) : null,
      // Exercise control answers some messages and watches the rest: say which is which.
      row.observed && seat.kind === "instructor" ? h("span", { class: "jx-badge", "data-testid": "observed", text: t("comms:mail.observed") }) : null,
      row.source !== "refused" ? who : null,
      h("span", { class: "jx-channel", text: row.source === "delivery" ? `${row.channelLabel} · ${t("comms:mail.scenario")}` : row.channelLabel }),
    );
    li.append(meta);
    if (row.legalBasisLabel) li.append(h("p", { class: "jx-basis", text: `§ ${row.legalBasisLabel}` }));
    if (row.replyToLabel) li.append(h("p", { class: "jx-replyref", text: `↳ ${row.replyToLabel}` }));
    li.append(h("p", { class: "jx-text", lang: row.language || null, text: row.text }));
    const foot = h("div", { class: "jx-foot" });
    if (row.source !== "refused") {
      foot.append(h("span", { class: `jx-ackstate${row.acknowledged ? " is-acked" : ""}`, "data-testid": "ack-state", text: row.acknowledged ? `✓ ${row.ackedLabel}` : box === "outbox" ? t("comms:mail.awaiting") : "" }));
    }
    if (box === "inbox") {
      const about = { from: row.fromLabel, time: row.time, as: row.speakAsLabel };
      if (row.canAck) {
        const pending = pendingAcks.has(row.id);
        const label = t(row.speakAs ? "comms:mail.ackAsLabel" : "comms:mail.ackLabel", about);
        const ack = h("button", { type: "button", "data-testid": "ack", disabled: pending, "aria-label": label, title: label, text: pending ? `✓ ${t("comms:mail.acked")}` : t("comms:mail.ack") });
        ack.addEventListener("click", () => {
          const cmd = ackCommand(sc, seat, row.item, lang());
          if (!cmd) return;
          net.command(cmd);
          pendingAcks.add(row.id);
          ack.disabled = true;
          ack.textContent = `✓ ${t("comms:mail.acked")}`;
          markRead([row.id]);
          foot.querySelector<HTMLElement>('[data-testid="reply"]')?.focus();
        });
        foot.append(ack);
      }
      if (row.canReply) {
        const label = t(row.speakAs ? "comms:mail.replyAsLabel" : "comms:mail.replyLabel", about);
        const reply = h("button", { type: "button", "data-testid": "reply", "aria-label": label, title: label, text: row.speakAs ? t("comms:mail.replyAs", { as: row.speakAsLabel }) : t("comms:mail.reply") });
        reply.addEventListener("click", () => {
          markRead([row.id]);
          openReply(replyDraft(sc, seat, row.item, lang()), row.item);
        });
        foot.append(reply);
      }
    }
    if (foot.childNodes.length) li.append(foot);
    if (!row.read) {
      li.addEventListener("click", () => markRead([row.id]));
      li.addEventListener("focusin", () => markRead([row.id]));
    }
    return li;
  }

  function renderLists(): void {
    const r = ready();
    keepFocus(root, () => {
      inboxBox.replaceChildren();
      outboxBox.replaceChildren();
      if (!r) return;
      const { seat, sc } = r;
      const o = { scenario: sc, read, lang: lang() };
      const inRows = inbox(store.m.comms, seat, o);
      const outRows = outbox(store.m.comms, seat, o);
      const all = h("button", { type: "button", class: "jx-link", "data-testid": "mark-read", text: t("comms:mail.markRead") });
      all.addEventListener("click", () => markRead(inRows.map((x) => x.id)));
      const inHead = h("div", { class: "jx-boxhead" }, h("h3", { id: "jx-inbox-title", text: t("comms:mail.inbox") }), all);
      inboxBox.setAttribute("aria-labelledby", "jx-inbox-title");
      inboxBox.append(inHead);
      if (seat.kind === "instructor") inboxBox.append(h("p", { class: "jx-hint", "data-testid": "inbox-excon-note", text: t("comms:mail.exconNote") }));
      // Observers send nothing: no "Sent" box, everything they follow is in the one list.
      outboxBox.hidden = seat.kind === "evaluator";
      inboxBox.append(inRows.length ? h("ol", { class: "jx-list" }, ...inRows.map((x) => itemView(x, "inbox", seat, sc))) : h("p", { class: "jx-empty", text: t("comms:mail.empty") }));
      outboxBox.setAttribute("aria-labelledby", "jx-outbox-title");
      outboxBox.append(h("div", { class: "jx-boxhead" }, h("h3", { id: "jx-outbox-title", text: t("comms:mail.outbox") })),
        outRows.length ? h("ol", { class: "jx-list" }, ...outRows.map((x) => itemView(x, "outbox", seat, sc))) : h("p", { class: "jx-empty", text: t("comms:mail.emptyOut") }));
    });
    updateUnread();
  }

  function updateUnread(): void {
    const r = ready();
    const unread = r ? unreadCount(inbox(store.m.comms, r.seat, { scenario: r.sc, read, lang: lang() })) : 0;
    unreadBadge.textContent = unread ? t("comms:mail.unread", { count: unread }) : "";
    unreadBadge.hidden = !unread;
    const all = inboxBox.querySelector<HTMLElement>('[data-testid="mark-read"]');
    if (all) all.hidden = !unread;
  }

  return {
    inboxBox, outboxBox, unreadBadge, markRead,
    render: renderLists,
    /** Read the read marks again (another seat, another exercise). */
    reload: (): void => { read = loadRead(); },
  };
}
