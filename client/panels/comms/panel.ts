// The communications panel of the exercise page: the inbox, the composer and the outbox, the SPOC
// deadlines counting down, and the refusals. Plain DOM; the view models in views/comms/ do the
// thinking. This file only lays the parts out and tells each when to redraw.
import "../comms.css";
import type { Ctx, Mount } from "../../exercise/ctx.ts";
import { t } from "../../i18n/index.ts";
import { createComposer } from "./composer.ts";
import { createDeadlines } from "./deadlines.ts";
import { h } from "./fields.ts";
import { createMailbox } from "./mailbox.ts";
import { createRefusalBanner } from "./refusal.ts";

export const mountComms: Mount = (el: HTMLElement, ctx: Ctx) => {
  const { store } = ctx;
  const root = h("section", { class: "jx-comms", "data-testid": "comms" });
  el.append(root);

  // The composer and the mailbox call on each other: Reply loads the composer, a sent reply marks its item read.
  const mailbox = createMailbox(ctx, root, (draft, item) => composer.loadDraft(draft, item));
  const composer = createComposer(ctx, (ids) => mailbox.markRead(ids));
  const deadlines = createDeadlines(ctx);
  const refusals = createRefusalBanner(ctx, composer.lastSent, (draft) => composer.loadDraft(draft, null));

  function renderAll(): void {
    mailbox.reload();
    root.replaceChildren(
      h("header", { class: "jx-head" }, h("h2", { text: t("comms:title") }), mailbox.unreadBadge),
      refusals.el, deadlines.el,
      // Received first (what needs an answer), then the composer, then what was sent.
      h("div", { class: "jx-mail" }, mailbox.inboxBox, composer.el, mailbox.outboxBox),
    );
    composer.build();
    deadlines.render();
    mailbox.render();
    refusals.render();
  }

  renderAll();
  const offs = [
    store.on("seat", () => { refusals.reset(); composer.forget(); renderAll(); }),
    store.on("lang", renderAll),
    store.on("comms", () => { mailbox.render(); refusals.render(); }),
    store.on("spoc", deadlines.render),
    store.on("tick", () => { deadlines.render(); composer.refreshAbout(); }),
  ];
  return () => {
    for (const off of offs) off();
    root.remove();
  };
};
