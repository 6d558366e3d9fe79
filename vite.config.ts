// Vite builds the browser client (client/ -> dist/client); Vitest runs every suite under test/.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("./client"),
  build: {
    outDir: here("./dist/client"), emptyOutDir: true, chunkSizeWarningLimit: 2000,
    // One page per job: start (join, sign in), scenario list, staff desk, the exercise itself.
    rollupOptions: { input: { index: here("./client/index.html"), scenarios: here("./client/scenarios.html"), staff: here("./client/staff.html"), exercise: here("./client/exercise.html") } },
  },
  server: { proxy: { "/api": "http://localhost:2567" } },
  test: {
    root: here("."),
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server and browser suites bind ports and start processes: one file at a time keeps them apart.
    fileParallelism: false,
    onConsoleLog: () => false,
  },
});
