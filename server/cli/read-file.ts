// Reading a scenario or playthrough file for the command line, with a size limit and plain errors.
import { readFile } from "node:fs/promises";
import { MAX_FILE_BYTES } from "../../shared/scenario/yaml-source.ts";

export async function readScenarioFile(file: string): Promise<string | { error: string }> {
  try {
    const buf = await readFile(file);
    if (buf.length > MAX_FILE_BYTES) return { error: `the file is ${(buf.length / 1048576).toFixed(1)} MiB; scenario files are limited to ${MAX_FILE_BYTES / 1048576} MiB` };
    return buf.toString("utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === "ENOENT" ? "no such file" : code === "EISDIR" ? "this is a folder, not a scenario file" : `cannot read: ${(e as Error).message}` };
  }
}
