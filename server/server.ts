// The whole product on one port: the page, the HTTP API and the Colyseus game server (WebSocket).
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { configureApp } from "./app.ts";
import type { Accounts } from "./auth/accounts.ts";
import { JoinCodes } from "./auth/join-codes.ts";
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
}

export async function startServer(o: ServerOptions): Promise<{ server: Server; port: number; joinCodes: JoinCodes; close: () => Promise<void> }> {
  const joinCodes = new JoinCodes();
  const createSecret = randomBytes(16).toString("hex");
  ExerciseRoom.services = { scenarios: o.scenarios, joinCodes, accounts: o.accounts, records: o.records, createSecret };
  const server = defineServer({
    rooms: { exercise: defineRoom(ExerciseRoom) },
    // Commands are small: a 16 KB frame limit keeps oversized frames out.
    transport: new WebSocketTransport({ maxPayload: 16 * 1024 }),
    greet: false,
    // Shutdown is ours (main.ts): close the game server, then the database, then exit.
    gracefullyShutdown: false,
    express: (app) => configureApp(app, {
      scenarios: o.scenarios, clientDir: o.clientDir, accounts: o.accounts, records: o.records, allowedOrigins: o.allowedOrigins ?? [],
      createExercise: async ({ scenarioId, seed, cohort, createdBy }) => {
        const room = await matchMaker.createRoom("exercise", { scenarioId, seed, cohort, createdBy, secret: createSecret });
        const exerciseId = String((room.metadata as { exerciseId?: string } | undefined)?.exerciseId ?? "");
        return { roomId: room.roomId, exerciseId, traineeCode: joinCodes.issue(exerciseId, "trainee"), evaluatorCode: joinCodes.issue(exerciseId, "evaluator") };
      },
      revokeCodes: (exerciseId) => joinCodes.revokeAll(exerciseId),
    }),
  });
  await server.listen(o.port);
  const port = (server.transport.server?.address() as AddressInfo | null)?.port ?? o.port;
  return { server, port, joinCodes, close: () => server.gracefullyShutdown(false) };
}
