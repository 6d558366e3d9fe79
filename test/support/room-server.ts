// A real Colyseus server hosting the exercise room in the test process, with its own database (a
// fresh SQLite file, or a fresh PostgreSQL schema), a staff instructor and its login token.
import { defineRoom, defineServer } from "@colyseus/core";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { sql } from "kysely";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Accounts } from "../../server/auth/accounts.ts";
import { JoinCodes } from "../../server/auth/join-codes.ts";
import { ExerciseRoom } from "../../server/room/exercise-room.ts";
import { loadScenarioFolder } from "../../server/scenario-library.ts";
import { openDatabase, type OpenDb } from "../../server/storage/db.ts";
import { Records } from "../../server/storage/records.ts";
import { ROOT } from "./scenarios.ts";

export interface RoomServer { colyseus: ColyseusTestServer; store: OpenDb; records: Records; joinCodes: JoinCodes; token: string; secret: string; close: () => Promise<void> }

export async function startRoomServer(opts: { postgres?: string; reconnectSeconds?: number } = {}): Promise<RoomServer> {
  const pgSchema = `jointex_room_${process.pid}_${Date.now()}`;
  const store = opts.postgres
    ? await openDatabase({ databaseUrl: opts.postgres, pgSchema })
    : await openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), "jointex-room-")), "room.sqlite") });
  const accounts = new Accounts(store.db);
  await accounts.createUser("anna.instructor", "correct horse battery", "instructor");
  const token = (await accounts.login("anna.instructor", "correct horse battery")).token;
  const records = new Records(store.db);
  const joinCodes = new JoinCodes();
  const secret = `secret-${Date.now()}`;
  ExerciseRoom.services = { scenarios: await loadScenarioFolder(`${ROOT}scenarios`), joinCodes, accounts, records, createSecret: secret, ...(opts.reconnectSeconds ? { reconnectSeconds: opts.reconnectSeconds } : {}) };
  // One Colyseus test server per suite: boot() always takes the same port (STACK trap 9).
  const colyseus = await boot(defineServer({ rooms: { exercise: defineRoom(ExerciseRoom) } }));
  return {
    colyseus, store, records, joinCodes, token, secret,
    close: async () => {
      await colyseus.shutdown();
      if (opts.postgres) await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(store.db);
      await store.close();
    },
  };
}

export const until = async (ok: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};
