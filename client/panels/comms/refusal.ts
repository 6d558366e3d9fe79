// The refusal banner of the communications panel: the last command the room refused, in the
// interface language with its code, and for a refused message the way back to the draft that was
// sent. Refusals already seen when the panel or the seat changes are not shown again.
import i18next from "i18next";
import type { Ctx } from "../../exercise/ctx.ts";
import { t } from "../../i18n/index.ts";
import type { CommsItem } from "../../../shared/protocol.ts";
import type { Draft } from "../../views/comms/draft.ts";
import { refusalText } from "../../views/refusals.ts";
import { h } from "./fields.ts";

/** The banner; `lastSent` is the draft last sent, `reopen` loads it back into the composer. */
export function createRefusalBanner(ctx: Ctx, lastSent: () => Draft | null, reopen: (draft: Draft) => void) {
  const { store } = ctx;
  const refusalBox = h("div", { class: "jx-refusal", role: "alert", "data-testid": "refusal", hidden: true });
  // Refusals already in the history when the panel mounts or the seat changes are not news.
  const refusedSoFar = () => new Set(store.m.comms.filter((i) => i.kind === "refused").map((i) => i.id));
  let knownRefusals = refusedSoFar();
  let refusal: { id: string; reason: string; code: string } | null = null;

  function renderRefusal(): void {
    // Observers share exercise control's history, refusals included: those are not theirs.
    if (store.m.seat?.kind === "evaluator") {
      refusal = null;
      refusalBox.replaceChildren();
      refusalBox.hidden = true;
      return;
    }
    const fresh = store.m.comms.filter((i): i is Extract<CommsItem, { kind: "refused" }> => i.kind === "refused" && !knownRefusals.has(i.id));
    for (const f of fresh) knownRefusals.add(f.id);
    const last = fresh[fresh.length - 1];
    if (last) refusal = { id: last.id, reason: last.reason, code: last.code };
    refusalBox.replaceChildren();
    refusalBox.hidden = !refusal;
    if (!refusal) return;
    const dismiss = h("button", { type: "button", class: "jx-link", "data-testid": "refusal-dismiss", text: t("comms:mail.dismiss") });
    dismiss.addEventListener("click", () => { refusal = null; renderRefusal(); });
    refusalBox.append(h("b", { text: `${t("comms:mail.refused")} ` }), h("span", { text: t("comms:mail.refusedBy", { reason: refusalText(refusal.code, refusal.reason, (k, o) => t(k, o ?? {}), (k) => i18next.exists(k)) }) }), h("code", { text: refusal.code }));
    const sent = lastSent();
    if (refusal.code.startsWith("message/") && sent) {
      const restore = h("button", { type: "button", "data-testid": "refusal-restore", text: t("comms:mail.restore") });
      restore.addEventListener("click", () => { refusal = null; renderRefusal(); reopen(sent); });
      refusalBox.append(restore);
    }
    refusalBox.append(dismiss);
  }

  return {
    el: refusalBox,
    render: renderRefusal,
    /** A new seat: start from its history. */
    reset: (): void => {
      knownRefusals = refusedSoFar();
      refusal = null;
    },
  };
}
