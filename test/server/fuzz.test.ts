// Seeded fuzzing of a live exercise room: more than 20,000 malformed, oversized and random frames
// from a stream of connections. The room stays up and usable, refuses and cuts off the senders,
// and the clients of another exercise keep receiving their patches the whole time.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseRoom } from "../../server/room/exercise-room.ts";
import { openRng, seedRng } from "../../shared/sim/rng.ts";
import { startRoomServer, type RoomServer } from "../support/room-server.ts";

const FRAMES = 20_000;

describe("fuzzing a live room", () => {
  let srv: RoomServer;
  beforeAll(async () => { srv = await startRoomServer(); }, 60_000);
  afterAll(async () => srv?.close());

  it(`survives ${FRAMES} hostile frames while another exercise keeps running`, async () => {
    const { colyseus, joinCodes } = srv;
    const target = await colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "pursuit-thionville", seed: 1, secret: srv.secret });
    const other = await colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "hostage-train", seed: 2, secret: srv.secret });
    const targetCode = await joinCodes.issue(target.exerciseId, "trainee");
    const otherCode = await joinCodes.issue(other.exerciseId, "trainee");
    const watcher = await colyseus.connectTo(other, { code: otherCode, role: "at-ic", pseudonym: "Watcher" });
    let patches = 0;
    watcher.onStateChange(() => { patches++; });
    other.state.phase = "running";
    other.state.speed = 10; // ten simulated seconds a second: a patch every 100 ms
    target.state.phase = "running";

    const rng = openRng(seedRng("jointex-fuzz"));
    const json = fc.sample(fc.jsonValue({ maxDepth: 4 }), { seed: 7, numRuns: 500 });
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => rng.int(256));
    let sent = 0;
    let connections = 0;
    const patchesAtStart = patches;
    const started = Date.now();
    while (sent < FRAMES) {
      connections++;
      const c = await colyseus.connectTo(target, { code: targetCode, role: "fr-patrol", pseudonym: `Fuzz ${connections}` });
      const closed = new Promise<void>((r) => c.onLeave(() => r()));
      // A burst per connection: the rate limit (20 messages a second) or a bad frame cuts it off.
      for (let k = 0; k < 250 && sent < FRAMES; k++, sent++) {
        const kind = rng.int(10);
        try {
          if (kind < 4) c.connection.send(bytes(1 + rng.int(600)));
          else if (kind === 4) c.connection.send(bytes(20_000)); // over the 16 KB frame limit
          else if (kind < 8) c.send("command", json[rng.int(json.length)] as never);
          else c.send("control", json[rng.int(json.length)] as never);
        } catch {
          // the socket is already closed by the server: keep counting what we tried to send
        }
      }
      await Promise.race([closed, new Promise((r) => setTimeout(r, 300))]);
      if (c.connection.isOpen) await c.leave().catch(() => undefined);
    }

    // The process is up, the target room still serves a new, well-behaved client...
    const ok = await colyseus.connectTo(target, { code: targetCode, role: "lu-patrol", pseudonym: "After" });
    await new Promise((r) => setTimeout(r, 300));
    expect([...(((ok.state as unknown as { units: Map<string, unknown> }).units)?.keys() ?? [])].sort()).toEqual(["lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(target.state.tick).toBeGreaterThan(0);
    // ...and the other exercise's client kept receiving patches throughout.
    const seconds = (Date.now() - started) / 1000;
    expect(patches - patchesAtStart).toBeGreaterThan(seconds * 4);
    expect(sent).toBe(FRAMES);
    expect(connections).toBeGreaterThan(10);
    await ok.leave();
    await watcher.leave();
  }, 180_000);
});
