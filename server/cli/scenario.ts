// `npm run scenario -- <command> ...`: the instructor's command line. Later issues add commands.
import { formatIssue, parseScenario } from "../../shared/scenario/parse.ts";
import { readScenarioFile } from "./read-file.ts";
import { report } from "./report.ts";
import { simulate } from "./simulate.ts";

const USAGE = `usage: npm run scenario -- <command>

commands:
  validate <files...>   check scenario files; prints every problem with file:line:column
  simulate <scenario> --script <playthrough.yaml> [--seed N] [--until 60m] [--out log.json]
                        play a scripted exercise headless: prints the event timeline with
                        violations and writes the exercise log
  report <exercise-log> [--format html|json|csv] [--lang en|fr|de] [--evaluations notes.yaml]
                        [--scenario file] [--out file]
                        the after-action report: ratings, legal findings, measures, timeline
`;

export async function validateFiles(files: string[], log: (s: string) => void): Promise<number> {
  let bad = 0;
  const ids = new Map<string, string>();
  for (const file of files) {
    const text = await readScenarioFile(file);
    if (typeof text !== "string") {
      log(`${file}:1:1  ${text.error}`);
      log(`${file}: 1 problem`);
      bad++;
      continue;
    }
    const result = parseScenario(text, file);
    const clash = result.ok ? ids.get(result.scenario.meta.id) : undefined;
    if (result.ok && clash) {
      bad++;
      log(`${file}:1:1  meta.id: "${result.scenario.meta.id}" is already the id of ${clash}; each scenario needs its own id`);
      log(`${file}: 1 problem`);
    } else if (result.ok) {
      const s = result.scenario;
      ids.set(s.meta.id, file);
      log(`ok  ${file}  (${s.meta.id}: ${s.roles.length} roles, ${s.units.length} units, ${s.injects.length} injects, ${s.objectives.length} objectives)`);
    } else {
      bad++;
      for (const issue of result.issues) log(formatIssue(issue));
      log(`${file}: ${result.issues.length} problem${result.issues.length === 1 ? "" : "s"}`);
    }
  }
  if (files.length > 1) log(`${files.length - bad} of ${files.length} files valid`);
  return bad === 0 ? 0 : 1;
}

export async function main(argv: string[], log: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "simulate") return simulate(rest, log);
  if (command === "report") return report(rest, log);
  if (command === "validate") {
    if (rest.length === 0) { log("validate needs at least one file, e.g. npm run scenario -- validate scenarios/*.yaml"); return 2; }
    return validateFiles(rest, log);
  }
  log(command && command !== "help" && command !== "--help" ? `unknown command "${command}"\n\n${USAGE}` : USAGE);
  return command && command !== "help" && command !== "--help" ? 2 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `validate ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => { if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
