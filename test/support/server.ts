// Starts the real HTTP app in-process on a free port for a test, and stops it afterwards.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createApp } from "../../server/app.ts";
import { loadScenarioFolder } from "../../server/scenario-library.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export async function startApp(opts: { scenarioDir?: string; clientDir?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const scenarios = await loadScenarioFolder(opts.scenarioDir ?? `${ROOT}scenarios`);
  const server: Server = createServer(createApp({ scenarios, clientDir: opts.clientDir ?? `${ROOT}dist/client` }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
