// The console's words: i18next's t typed as the view models' translation function (the views take
// it as an argument and stay free of i18next), and a scenario id as its name in the interface language.
import { t, tx } from "../../i18n/index.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { nameOf, type Tr } from "../../views/console/format.ts";

/** i18next's t with the view models' signature, for the texts they build (trigger conditions). */
export const tr: Tr = (key, vars) => t(key, vars as never) as unknown as string;

/** A scenario id as its name in the interface language (the id itself when the scenario has no name for it). */
export function namer(scenario: Scenario): (id: string) => string {
  return (id) => (id === "all" ? t("console:adhoc.all") : tx(nameOf(scenario, id) ?? undefined) || id);
}
