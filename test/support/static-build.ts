// Builds a page with Vite into a temporary folder and serves it on a free port: the browser suites
// and the frame benchmark load their harness pages this way (the bundle is what ships, not a dev server).
import express from "express";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type PluginOption } from "vite";

export interface Served { url: (path: string) => string; close: () => Promise<void> }

export async function buildAndServe(o: { root: string; input: string; plugins?: PluginOption[]; headers?: Record<string, string> }): Promise<Served> {
  const outDir = mkdtempSync(join(tmpdir(), "jointex-page-"));
  await build({ configFile: false, root: o.root, logLevel: "silent", plugins: o.plugins ?? [], build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, rollupOptions: { input: o.input } } });
  const app = express();
  if (o.headers) app.use((_req, res, next) => { res.set(o.headers); next(); });
  app.use(express.static(outDir));
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}/${path.replace(/^\//, "")}`,
    close: () => new Promise<void>((r) => server.close(() => { rmSync(outDir, { recursive: true, force: true }); r(); })),
  };
}
