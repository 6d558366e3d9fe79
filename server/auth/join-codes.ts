// Join codes: how trainees (and observers) enter an exercise without an account. Unguessable
// (128 bits), kept only as hashes, expiring, revocable by the instructor.
import { createHash, randomBytes } from "node:crypto";

export interface JoinCode { exerciseId: string; kind: "trainee" | "evaluator"; expiresAt: number; revoked: boolean }
const hash = (code: string) => createHash("sha256").update(code).digest("hex");

export class JoinCodes {
  private readonly codes = new Map<string, JoinCode>();
  constructor(private readonly clock: () => number = Date.now) {}

  issue(exerciseId: string, kind: JoinCode["kind"], ttlMs = 12 * 3600 * 1000): string {
    const code = randomBytes(16).toString("base64url");
    this.codes.set(hash(code), { exerciseId, kind, expiresAt: this.clock() + ttlMs, revoked: false });
    return code;
  }

  check(code: unknown, exerciseId: string): JoinCode | undefined {
    if (typeof code !== "string" || code.length > 64) return undefined;
    const c = this.codes.get(hash(code));
    return c && !c.revoked && c.exerciseId === exerciseId && c.expiresAt > this.clock() ? c : undefined;
  }

  revokeAll(exerciseId: string, kind?: JoinCode["kind"]): void {
    for (const c of this.codes.values()) if (c.exerciseId === exerciseId && (!kind || c.kind === kind)) c.revoked = true;
  }
}
