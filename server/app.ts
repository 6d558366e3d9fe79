// The HTTP side of the product on one port: the built client and a small JSON API.
import express from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Accounts } from "./auth/accounts.ts";
import type { JoinCodes } from "./auth/join-codes.ts";
import { joinApi } from "./http/join-api.ts";
import { originCheck, staffApi, type CreateExercise } from "./http/staff-api.ts";
import { summarise, type LoadedScenario } from "./scenario-library.ts";
import type { Records } from "./storage/records.ts";

export interface AppOptions {
  scenarios: LoadedScenario[];
  clientDir: string;
  /** Staff accounts and exercise records; without them the staff API is not mounted. */
  accounts?: Accounts;
  records?: Records;
  /** Origins other than this server allowed to call the API (ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Starts a live exercise (the game server provides it). */
  createExercise?: CreateExercise;
  revokeCodes?: (exerciseId: string) => void;
  reissueCodes?: (exerciseId: string) => Promise<{ traineeCode: string; evaluatorCode: string } | undefined>;
  /** Join codes and exercise rooms (the game server's): without them there is no join route. */
  joinCodes?: JoinCodes;
}

export function createApp(opts: AppOptions): express.Express {
  const app = express();
  configureApp(app, opts);
  return app;
}

/** Mounts the page and the API on an express app (our own, or the one Colyseus serves on its port). */
export function configureApp(app: express.Application, { scenarios, clientDir, accounts, records, allowedOrigins = [], createExercise, revokeCodes, reissueCodes, joinCodes }: AppOptions): void {
  app.disable("x-powered-by");
  app.use("/api", originCheck(allowedOrigins));
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    next();
  });

  app.get("/api/health", (_req, res) => {
    res.json({ ok: true, scenarios: scenarios.filter((s) => s.scenario).length });
  });
  app.get("/api/scenarios", (_req, res) => {
    res.json({
      scenarios: scenarios.flatMap((s) => (s.scenario ? [{ file: s.file, ...summarise(s.scenario) }] : [])),
      invalid: scenarios.filter((s) => !s.scenario).map((s) => ({ file: s.file, issues: s.issues })),
    });
  });
  app.get("/api/scenarios/:id", (req, res) => {
    const found = scenarios.find((s) => s.scenario?.meta.id === req.params.id);
    if (!found?.scenario) return void res.status(404).json({ error: "scenario/not_found", id: req.params.id });
    res.json({ file: found.file, ...summarise(found.scenario) });
  });
  if (joinCodes) {
    const exerciseScenario = async (id: string) => (await records?.getExercise(id))?.scenario_id;
    app.use("/api", joinApi({ joinCodes, scenarios, exerciseScenario }));
  }
  if (accounts && records) app.use("/api", staffApi({ accounts, records, scenarios, createExercise, revokeCodes, reissueCodes, roomOf: joinCodes ? (id) => joinCodes.room(id) : undefined }));
  app.use("/api", (_req, res) => void res.status(404).json({ error: "api/not_found" }));

  if (existsSync(join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(clientDir, "index.html")));
  } else {
    app.get("/", (_req, res) => {
      res.type("text").send("The client is not built: run `npm run build` (npm start does it for you).");
    });
  }
}
