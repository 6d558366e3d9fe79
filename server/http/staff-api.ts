// The staff side of the HTTP API: login and logout, who am I, the exercise records and their
// reports. Every route checks the bearer token and the staff role before it reads anything.
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { renderReportHtml } from "../../shared/report/html.ts";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { REPORT_LANGUAGES } from "../../shared/report/i18n.ts";
import { AccountError, type Accounts, type Staff, type StaffRole } from "../auth/accounts.ts";
import type { LoadedScenario } from "../scenario-library.ts";
import type { Records } from "../storage/records.ts";

const Login = z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) });
const READERS: StaffRole[] = ["admin", "instructor", "evaluator", "coordinator"];

type Authed = Request & { staff?: Staff };

/** A few login attempts per minute per address: enough for people, too few for guessing. */
function loginLimiter(perMinute = 10) {
  const hits = new Map<string, number[]>();
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.ip ?? "?";
    const now = Date.now();
    const recent = (hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= perMinute) return void res.status(429).json({ error: "auth/too_many_attempts", retryAfterSeconds: 60 });
    recent.push(now);
    hits.set(key, recent);
    next();
  };
}

export type CreateExercise = (x: { scenarioId: string; seed: string; cohort: string; createdBy: string }) => Promise<{ roomId: string; exerciseId: string; traineeCode: string; evaluatorCode: string }>;
const NewExercise = z.strictObject({ scenarioId: z.string().min(1).max(64), seed: z.union([z.string().max(40), z.int()]).optional(), cohort: z.string().max(120).default("") });

export function staffApi(opts: { accounts: Accounts; records: Records; scenarios: LoadedScenario[]; createExercise?: CreateExercise; revokeCodes?: (exerciseId: string) => void; roomOf?: (exerciseId: string) => Promise<string | undefined>; reissueCodes?: (exerciseId: string) => Promise<{ traineeCode: string; evaluatorCode: string } | undefined> }): express.Router {
  const { accounts, records, scenarios } = opts;
  const r = express.Router();
  r.use(express.json({ limit: "16kb" }));

  const bearer = (req: Request) => /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1];
  const need = (...roles: StaffRole[]) => async (req: Authed, res: Response, next: NextFunction) => {
    const staff = await accounts.verify(bearer(req));
    if (!staff) return void res.status(401).json({ error: "auth/required", reason: "log in first (a missing, expired or revoked token)" });
    if (!roles.includes(staff.role)) return void res.status(403).json({ error: "auth/forbidden", reason: `this needs one of: ${roles.join(", ")}` });
    req.staff = staff;
    next();
  };

  r.post("/login", loginLimiter(), async (req, res) => {
    const body = Login.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: "auth/bad_request", reason: "send { username, password }" });
    try {
      res.json(await accounts.login(body.data.username, body.data.password));
    } catch (e) {
      if (e instanceof AccountError) return void res.status(401).json({ error: e.code, reason: e.message });
      throw e;
    }
  });
  r.post("/logout", need(...READERS), async (req, res) => {
    await accounts.revoke(bearer(req) as string);
    res.json({ ok: true });
  });
  r.get("/me", need(...READERS), (req: Authed, res) => void res.json(req.staff));

  // Only exercise control starts an exercise: a room on the game server, and its join codes.
  r.post("/exercises", need("instructor", "admin"), async (req: Authed, res) => {
    const body = NewExercise.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: "exercise/bad_request", reason: body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    if (!opts.createExercise) return void res.status(503).json({ error: "exercise/no_game_server" });
    if (!scenarios.some((s) => s.scenario?.meta.id === body.data.scenarioId)) return void res.status(404).json({ error: "scenario/not_found", id: body.data.scenarioId });
    const seed = String(body.data.seed ?? Math.floor(Math.random() * 1e9));
    res.status(201).json(await opts.createExercise({ scenarioId: body.data.scenarioId, seed, cohort: body.data.cohort, createdBy: req.staff?.username ?? "" }));
  });
  r.post("/exercises/:id/revoke-codes", need("instructor", "admin"), (req, res) => {
    opts.revokeCodes?.(String(req.params.id));
    res.json({ ok: true });
  });
  // Codes are shown once and kept only as hashes: a lost code is replaced (the old ones stop working).
  r.post("/exercises/:id/codes", need("instructor", "admin"), async (req, res) => {
    const id = String(req.params.id);
    const exercise = await records.getExercise(id);
    const codes = exercise && exercise.status !== "debrief" ? await opts.reissueCodes?.(id) : undefined;
    if (!codes) return void res.status(404).json({ error: "exercise/not_live", reason: "this exercise is not running on the game server" });
    res.status(201).json({ exerciseId: id, ...codes });
  });
  r.get("/exercises", need(...READERS), async (req, res) => {
    const scenarioId = typeof req.query.scenario === "string" ? req.query.scenario : undefined;
    res.json({ exercises: await records.listExercises(scenarioId ? { scenarioId } : {}) });
  });
  r.get("/exercises/:id", need(...READERS), async (req, res) => {
    const id = String(req.params.id);
    const exercise = await records.getExercise(id);
    if (!exercise) return void res.status(404).json({ error: "exercise/not_found", id });
    const log = await records.getLog(id);
    // Participants appear by pseudonym and role only: trainee data stays pseudonymous.
    const participants = (await records.participants(id)).map((p) => ({ pseudonym: p.pseudonym, role: p.role, kind: p.kind, joinedAt: p.joined_at, leftAt: p.left_at, absent: p.absent === 1 }));
    res.json({ exercise, log: log ? { ticks: log.log.ticks, final: log.final, commands: log.log.commands.length, checkpoints: log.log.checkpoints.length } : null, participants, evaluations: await records.evaluations(id) });
  });
  // Evaluators (and exercise control) add time-stamped notes, ratings and overrides with reasons.
  r.post("/exercises/:id/evaluations", need("evaluator", "instructor", "admin"), async (req: Authed, res) => {
    const id = String(req.params.id);
    if (!(await records.getExercise(id))) return void res.status(404).json({ error: "exercise/not_found", id });
    const body = z.object({ kind: z.enum(["note", "rating", "override"]) }).passthrough().safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: "evaluation/bad_request", reason: "send { kind: note|rating|override, ... }" });
    const { kind, ...payload } = body.data;
    try {
      await records.addEvaluation(id, kind, { ...payload, evaluator: req.staff?.username });
    } catch (e) {
      const issues = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.slice(2).join(".") || i.path.join(".")}: ${i.message}`).join("; ") : (e as Error).message;
      return void res.status(400).json({ error: "evaluation/invalid", reason: issues });
    }
    res.status(201).json({ ok: true });
  });
  // Staff open a live exercise (console, observation) by its id: which game room runs it.
  r.get("/exercises/:id/room", need(...READERS), async (req, res) => {
    const id = String(req.params.id);
    const exercise = await records.getExercise(id);
    const roomId = exercise && exercise.status !== "debrief" ? await opts.roomOf?.(id) : undefined;
    if (!roomId) return void res.status(404).json({ error: "exercise/not_live", reason: "this exercise is not running on the game server" });
    res.json({ roomId, exerciseId: id });
  });
  // What the debrief replays in the page: the scenario, the log and the evaluator input.
  r.get("/exercises/:id/replay", need(...READERS), async (req, res) => {
    const id = String(req.params.id);
    const exercise = await records.getExercise(id);
    const log = exercise ? await records.getLog(id) : undefined;
    const scenario = scenarios.find((s) => s.scenario?.meta.id === exercise?.scenario_id)?.scenario;
    if (!exercise || !log || !scenario) return void res.status(404).json({ error: "replay/not_found", reason: "no such exercise, no log yet, or its scenario is not loaded" });
    res.json({ exerciseId: id, ticks: log.log.ticks, scenario, log: log.log, evaluations: await records.evaluations(id) });
  });
  r.get("/exercises/:id/report", need(...READERS), async (req, res) => {
    const id = String(req.params.id);
    const format = req.query.format === "json" ? "json" : "html";
    const lang = typeof req.query.lang === "string" && REPORT_LANGUAGES.includes(req.query.lang) ? req.query.lang : "en";
    // The report stored at the debrief is served as long as no evaluator input came after it.
    const stored = await records.getReport(id, format, lang);
    const evaluatedAt = await records.latestEvaluationAt(id);
    if (stored && (!evaluatedAt || evaluatedAt <= stored.created_at)) return void res.type(format === "html" ? "html" : "json").send(stored.body);
    const exercise = await records.getExercise(id);
    const log = exercise ? await records.getLog(id) : undefined;
    if (!exercise || !log) return void res.status(404).json({ error: "report/not_found", reason: "no exercise or no log yet" });
    const scenario = scenarios.find((s) => s.scenario?.meta.id === exercise.scenario_id)?.scenario;
    if (!scenario) return void res.status(409).json({ error: "report/scenario_missing", reason: `the scenario "${exercise.scenario_id}" is not loaded` });
    try {
      // Recomputed from the log, never from a tally: the same log always gives the same report.
      const aar = reportFromLog(scenario, log.log, await records.evaluations(id), lang);
      if (format === "json") res.json(aar);
      else res.type("html").send(renderReportHtml(aar));
    } catch (e) {
      res.status(409).json({ error: "report/log_does_not_replay", reason: (e as Error).message });
    }
  });
  return r;
}

/**
 * Browsers send Origin on cross-site requests: refuse any origin that is neither this server nor in
 * the allow-list (ALLOWED_ORIGINS). Requests without Origin (curl, same-origin GET) pass.
 */
export function originCheck(allowed: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get("origin");
    if (!origin) return next();
    const self = `${req.protocol}://${req.get("host")}`;
    if (origin === self || allowed.includes(origin)) return next();
    res.status(403).json({ error: "http/origin_not_allowed", origin });
  };
}
