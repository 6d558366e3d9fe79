// Join codes: how trainees (and observers) enter an exercise without an account. Unguessable
// (128 bits), kept only as hashes, expiring, revocable by the instructor. They live in the Colyseus
// presence, so that with Redis every server process knows the codes another one issued.
import { createHash, randomBytes } from "node:crypto";

export interface JoinCode { exerciseId: string; kind: "trainee" | "evaluator"; expiresAt: number; revoked: boolean; /** the game room to join (absent in codes of older processes) */ roomId?: string }
export interface CodeStore {
  hset(key: string, field: string, value: string): Promise<unknown>;
  hget(key: string, field: string): Promise<string | null>;
  hgetall(key: string): Promise<Record<string, string>>;
}
const KEY = "jointex:join-codes";
const ROOMS = "jointex:rooms";
const hash = (code: string) => createHash("sha256").update(code).digest("hex");

/** A store for a single process and for tests. */
export function memoryCodeStore(): CodeStore {
  const m = new Map<string, Map<string, string>>();
  return {
    hset: async (k, f, v) => void (m.get(k) ?? m.set(k, new Map()).get(k))?.set(f, v),
    hget: async (k, f) => m.get(k)?.get(f) ?? null,
    hgetall: async (k) => Object.fromEntries(m.get(k) ?? []),
  };
}

export class JoinCodes {
  constructor(private readonly store: CodeStore = memoryCodeStore(), private readonly clock: () => number = Date.now) {}

  async issue(exerciseId: string, kind: JoinCode["kind"], ttlMs = 12 * 3600 * 1000, roomId?: string): Promise<string> {
    const code = randomBytes(16).toString("base64url");
    const entry: JoinCode = { exerciseId, kind, expiresAt: this.clock() + ttlMs, revoked: false, ...(roomId ? { roomId } : {}) };
    await this.store.hset(KEY, hash(code), JSON.stringify(entry));
    return code;
  }

  async check(code: unknown, exerciseId: string): Promise<JoinCode | undefined> {
    const c = await this.lookup(code);
    return c?.exerciseId === exerciseId ? c : undefined;
  }

  /** What a valid code opens (the start page asks before the player picks a role). */
  async lookup(code: unknown): Promise<JoinCode | undefined> {
    if (typeof code !== "string" || code.length > 64) return undefined;
    const raw = await this.store.hget(KEY, hash(code));
    const c = raw ? (JSON.parse(raw) as JoinCode) : undefined;
    return c && !c.revoked && c.expiresAt > this.clock() ? c : undefined;
  }

  /** Which game room runs an exercise (staff open the console or observe by exercise id). */
  async setRoom(exerciseId: string, roomId: string): Promise<void> {
    await this.store.hset(ROOMS, exerciseId, roomId);
  }

  async room(exerciseId: string): Promise<string | undefined> {
    return (await this.store.hget(ROOMS, exerciseId)) ?? undefined;
  }

  async revokeAll(exerciseId: string, kind?: JoinCode["kind"]): Promise<void> {
    for (const [h, raw] of Object.entries(await this.store.hgetall(KEY))) {
      const c = JSON.parse(raw) as JoinCode;
      if (c.exerciseId === exerciseId && (!kind || c.kind === kind)) await this.store.hset(KEY, h, JSON.stringify({ ...c, revoked: true }));
    }
  }
}
