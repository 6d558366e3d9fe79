// The whole product on one port: the page, the HTTP API and the Colyseus game server (WebSocket).
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { configureApp } from "./app.ts";
import type { Accounts } from "./auth/accounts.ts";
import { JoinCodes, memoryCodeStore } from "./auth/join-codes.ts";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { ExerciseRoom } from "./room/exercise-room.ts";
import type { LoadedScenario } from "./scenario-library.ts";
import type { Records } from "./storage/records.ts";

export interface ServerOptions {
  port: number;
  scenarios: LoadedScenario[];
  clientDir: string;
  accounts: Accounts;
  records: Records;
  allowedOrigins?: string[];
  /** Colyseus Redis presence and driver (REDIS_URL): several processes, one set of exercises. */
  redisUrl?: string;
  /** host:port clients use to reach this process (PUBLIC_ADDRESS), needed with Redis. */
  publicAddress?: string;
  /** Shared by every process that may create rooms (JOINTEX_ROOM_SECRET), needed with Redis. */
  createSecret?: string;
}

export async function startServer(o: ServerOptions): Promise<{ server: Server; port: number; joinCodes: JoinCodes; close: () => Promise<void> }> {
  // With REDIS_URL, rooms, seat reservations and join codes are shared by every process.
  const presence = o.redisUrl ? new RedisPresence(o.redisUrl) : undefined;
  const joinCodes = new JoinCodes(presence ?? memoryCodeStore());
  const createSecret = o.createSecret ?? randomBytes(16).toString("hex");
  ExerciseRoom.services = { scenarios: o.scenarios, joinCodes, accounts: o.accounts, records: o.records, createSecret };
  const server = defineServer({
    rooms: { exercise: defineRoom(ExerciseRoom) },
    // Commands are small: a 16 KB frame limit keeps oversized frames out.
    transport: new WebSocketTransport({
      maxPayload: 16 * 1024,
      // Browsers send Origin on the WebSocket upgrade: only this server's page and the allow-list.
      verifyClient: ({ origin, req }: { origin?: string; req: { headers: { host?: string } } }) =>
        !origin || origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}` || (o.allowedOrigins ?? []).includes(origin),
    }),
    greet: false,
    ...(presence && o.redisUrl ? { presence, driver: new RedisDriver(o.redisUrl), publicAddress: o.publicAddress ?? `127.0.0.1:${o.port}` } : {}),
    // Shutdown is ours (main.ts): close the game server, then the database, then exit.
    gracefullyShutdown: false,
    express: (app) => configureApp(app, {
      scenarios: o.scenarios, clientDir: o.clientDir, accounts: o.accounts, records: o.records, allowedOrigins: o.allowedOrigins ?? [],
      createExercise: async ({ scenarioId, seed, cohort, createdBy }) => {
        const room = await matchMaker.createRoom("exercise", { scenarioId, seed, cohort, createdBy, secret: createSecret });
        const exerciseId = String((room.metadata as { exerciseId?: string } | undefined)?.exerciseId ?? "");
        await joinCodes.setRoom(exerciseId, room.roomId);
        const ttl = 12 * 3600 * 1000;
        return { roomId: room.roomId, exerciseId, traineeCode: await joinCodes.issue(exerciseId, "trainee", ttl, room.roomId), evaluatorCode: await joinCodes.issue(exerciseId, "evaluator", ttl, room.roomId) };
      },
      revokeCodes: (exerciseId) => void joinCodes.revokeAll(exerciseId),
      reissueCodes: async (exerciseId) => {
        const roomId = await joinCodes.room(exerciseId);
        if (!roomId) return undefined;
        await joinCodes.revokeAll(exerciseId);
        const ttl = 12 * 3600 * 1000;
        return { traineeCode: await joinCodes.issue(exerciseId, "trainee", ttl, roomId), evaluatorCode: await joinCodes.issue(exerciseId, "evaluator", ttl, roomId) };
      },
      joinCodes,
    }),
  });
  await server.listen(o.port);
  const port = (server.transport.server?.address() as AddressInfo | null)?.port ?? o.port;
  return { server, port, joinCodes, close: () => server.gracefullyShutdown(false) };
}
