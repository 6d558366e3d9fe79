// The trainee's way in: a join code says which exercise (and which game room) it opens and, for a
// trainee code, which roles there are to choose from. Nothing else about the scenario is revealed.
import express from "express";
import { z } from "zod";
import type { JoinCodes } from "../auth/join-codes.ts";
import type { LoadedScenario } from "../scenario-library.ts";

const Body = z.strictObject({ code: z.string().trim().min(8).max(64) });

export function joinApi(opts: { joinCodes: JoinCodes; scenarios: LoadedScenario[]; exerciseScenario: (exerciseId: string) => Promise<string | undefined> }): express.Router {
  const r = express.Router();
  const tries = new Map<string, number[]>();
  r.post("/join", express.json({ limit: "2kb" }), async (req, res) => {
    // Codes are 128-bit, but a limit keeps a stuck client or a script from hammering the presence;
    // high enough for a whole class joining from behind one address.
    const now = Date.now();
    const recent = (tries.get(req.ip ?? "?") ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= 300) return void res.status(429).json({ error: "join/too_many_attempts", reason: "too many attempts: wait a minute" });
    tries.set(req.ip ?? "?", [...recent, now]);
    const body = Body.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: "join/bad_request", reason: "send { code } with the join code you were given" });
    const code = await opts.joinCodes.lookup(body.data.code);
    const roomId = code ? code.roomId ?? (await opts.joinCodes.room(code.exerciseId)) : undefined;
    if (!code || !roomId) return void res.status(404).json({ error: "join/unknown_code", reason: "this code is not valid: check it, or ask exercise control for a new one (codes expire and can be revoked)" });
    const scenarioId = await opts.exerciseScenario(code.exerciseId);
    const scenario = opts.scenarios.find((s) => s.scenario?.meta.id === scenarioId)?.scenario;
    if (!scenario) return void res.status(409).json({ error: "join/scenario_missing", reason: "the exercise's scenario is not loaded on this server" });
    const countryOf = new Map(scenario.parties.map((p) => [p.id, p.country]));
    res.json({
      exerciseId: code.exerciseId, roomId, kind: code.kind,
      scenario: { id: scenario.meta.id, title: scenario.meta.title, languages: scenario.meta.languages },
      roles: code.kind === "trainee" ? scenario.roles.map((x) => ({ id: x.id, title: x.title, party: x.party, country: countryOf.get(x.party) ?? "", maxPlayers: x.max_players })) : [],
    });
  });
  return r;
}
