// Labels of the legal vocabularies in English, French and German: every value of each list has
// one, and French and German are translated rather than the id copied.
import { describe, expect, it } from "vitest";
import { ARMS_RULES, ATLAS_FORMS, BORDER_KINDS, OFFENCES, POWERS } from "../../shared/scenario/vocab.ts";
import { vocabLabel, type VocabKind } from "../../shared/vocab-i18n.ts";

const LISTS: Record<VocabKind, readonly string[]> = {
  offence: OFFENCES, power: POWERS, atlas_form: ATLAS_FORMS, arms: ARMS_RULES, border: BORDER_KINDS,
};
/** Labels that are the same word as the id in that language (compared without case). */
const SAME_WORD: Record<"fr" | "de", Set<string>> = {
  fr: new Set(["atlas_form:expertise", "atlas_form:observation"]),
  de: new Set(["atlas_form:observation"]),
};
const bare = (id: string) => id.replaceAll("_", " ");

describe("vocabLabel", () => {
  for (const [kind, ids] of Object.entries(LISTS) as [VocabKind, readonly string[]][]) {
    it(`labels every ${kind} in en, fr and de`, () => {
      const problems: string[] = [];
      for (const id of ids) {
        for (const lang of ["en", "fr", "de"] as const) {
          const label = vocabLabel(kind, id, lang);
          if (!label.trim()) problems.push(`${kind}:${id} empty in ${lang}`);
          if (lang !== "en" && label.toLowerCase() === bare(id) && !SAME_WORD[lang].has(`${kind}:${id}`)) problems.push(`${kind}:${id} untranslated in ${lang}`);
        }
        if (vocabLabel(kind, id, "fr") === vocabLabel(kind, id, "en") && !SAME_WORD.fr.has(`${kind}:${id}`)) problems.push(`${kind}:${id} fr = en`);
        if (vocabLabel(kind, id, "de") === vocabLabel(kind, id, "en") && !SAME_WORD.de.has(`${kind}:${id}`)) problems.push(`${kind}:${id} de = en`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("names the Art. 41(4)(a) offences as the Convention does", () => {
    expect(vocabLabel("offence", "murder", "fr")).toBe("assassinat");
    expect(vocabLabel("offence", "manslaughter", "fr")).toBe("meurtre");
    expect(vocabLabel("offence", "manslaughter", "de")).toBe("Totschlag");
    expect(vocabLabel("offence", "receiving_stolen_goods", "de")).toBe("Hehlerei");
    expect(vocabLabel("power", "identity_check", "de")).toBe("Identitätsfeststellung");
  });

  it("falls back to the id with spaces", () => {
    expect(vocabLabel("offence", "cattle_rustling", "fr")).toBe("cattle rustling");
    expect(vocabLabel("power", "toString", "de")).toBe("toString");
    expect(vocabLabel("border", "tunnel", "en")).toBe("tunnel");
  });
});
