// The rules card and the border warning, from the pursuit flagship's law section.
import { describe, expect, it } from "vitest";
import { borderWarning, legalDuration, nearestForeignBorder, rulesCard } from "../../shared/rules-card.ts";
import { flagship } from "../support/scenarios.ts";

const pursuit = flagship("pursuit-thionville");

describe("rules card", () => {
  it("tells the French patrol what it may do in Luxembourg and Germany", () => {
    const card = rulesCard(pursuit, "fr-patrol", "en");
    expect(card.map((s) => `${s.direction} ${s.sending}->${s.host}`)).toEqual(["abroad FR->LU", "abroad FR->DE", "at_home LU->FR"]);
    const lu = card[0]?.lines.join("\n") ?? "";
    expect(lu).toContain("without limit of space or time");
    expect(lu).toContain("No right to apprehend");
    expect(lu).toMatch(/Notify .*CCPD.* at the latest when you cross/);
    expect(lu).toContain("Report in person to Grand-Ducal Police station, Dudelange");
    expect(card[1]?.lines.join("\n")).toContain("You may hold the suspect");
    expect(card[0]?.sources[0]).toContain("no right of apprehension");
  });

  it("is written in French and German too", () => {
    expect(rulesCard(pursuit, "fr-patrol", "fr")[0]?.lines.join(" ")).toContain("Aucun droit d'interpellation");
    expect(rulesCard(pursuit, "de-patrol", "de").map((s) => s.title)).toEqual(["Beamte aus LU in DE", "Beamte aus FR in DE"]);
  });

  it("names offences, powers, forms and arms in the reader's language, never as raw ids", () => {
    for (const id of ["pursuit-thionville", "hostage-train", "football-joint-patrols"]) {
      const sc = flagship(id);
      for (const role of sc.roles) for (const lang of ["en", "fr", "de"] as const) {
        for (const section of rulesCard(sc, role.id, lang)) for (const line of section.lines) expect(line, `${id} ${role.id} ${lang}`).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      }
    }
    const football = flagship("football-joint-patrols");
    const de = football.roles.flatMap((r) => rulesCard(football, r.id, "de")).flatMap((s) => s.lines).join(" ");
    expect(de).toContain("Befugnisse: ");
    expect(de).not.toContain("identity check");
  });

  it("writes legal durations plainly", () => {
    expect([legalDuration(8 * 3600), legalDuration(3 * 86400), legalDuration(5400), legalDuration(600)]).toEqual(["8 h", "3 d", "1 h 30 min", "10 min"]);
  });
});

describe("border warning", () => {
  const base = { id: "fr-bac-1", callsign: "BAC 57-1", country: "FR" };
  it("warns a unit nearing the border with the rules of the state ahead", () => {
    const w = borderWarning(pursuit, { ...base, in: "FR", x: 14000, y: 19200 }, "en");
    expect(w).toMatchObject({ kind: "approaching", into: "LU", metres: 800 });
    expect(w?.text).toBe("BAC 57-1 is 800 m from the border with LU.");
    expect(w?.rules.join(" ")).toContain("No right to apprehend");
  });
  it("says a unit has crossed and which rules now apply", () => {
    const w = borderWarning(pursuit, { ...base, in: "LU", x: 14000, y: 21000 }, "fr");
    expect(w).toMatchObject({ kind: "crossed", into: "LU" });
    expect(w?.text).toBe("BAC 57-1 est entré en LU.");
  });
  it("is silent far from any border, and says when no rules exist", () => {
    expect(borderWarning(pursuit, { ...base, in: "FR", x: 12000, y: 4000 }, "en")).toBeNull();
    expect(nearestForeignBorder(pursuit, [12000, 4000], "FR", 1500)).toBeNull();
    const w = borderWarning(pursuit, { id: "de-1", callsign: "Trier 1", country: "DE", in: "FR", x: 40000, y: 5000 }, "en");
    expect(w?.rules[0]).toContain("No cooperation rules between DE and FR");
  });
});
