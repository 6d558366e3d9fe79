// The broken-scenario corpus: each fixture breaks test/fixtures/minimal.yaml in one way (or several,
// for 33) and must be reported at exactly this line:column, field path and message. The texts were
// read once by hand for clarity to an instructor and are pinned here: change them on purpose only.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/scenario/parse.ts";

const dir = new URL("../fixtures/broken/", import.meta.url);

const expected: Record<string, string[]> = {
  "01-unknown-section.yaml": [
    "3:1 objectives: missing section \"objectives\" | hint: add objectives: (a list)",
    "51:1 objectves: unknown section \"objectves\" | hint: did you mean \"objectives\"?",
  ],
  "02-unknown-field.yaml": [
    "33:54 units[0].speeed_kmh: unknown field \"speeed_kmh\" | hint: did you mean \"speed_kmh\"?",
  ],
  "03-wrong-type.yaml": [
    "16:30 map.roads[0].speed_kmh: write the speed limit in km/h, but found text \"fast\"",
  ],
  "04-missing-field.yaml": [
    "4:1 meta.duration: missing field \"duration\" | hint: write a duration like 45s, 5m, 1h30m or 3d",
  ],
  "05-bad-duration.yaml": [
    "8:13 meta.duration: write a duration like 45s, 5m, 1h30m or 3d (found text \"30 minutes\")",
  ],
  "06-bad-id.yaml": [
    "31:11 roles[0].id: an id uses only lowercase letters, digits, - and _, and starts with a letter or digit (e.g. fr-patrol-1) (found text \"FR Lead\")",
  ],
  "07-duplicate-id.yaml": [
    "31:73 roles[0].units[0]: \"fr-lead\" is a role, but a unit is expected here",
    "33:11 units[0].id: id \"fr-lead\" is already used by roles[0] | hint: every party, desk, role, unit, actor and site needs its own id",
  ],
  "08-unknown-reference.yaml": [
    "31:73 roles[0].units[0]: unknown unit \"fr-2\" | hint: did you mean \"fr-1\"?",
    "33:11 units[0].id: unit \"fr-1\" belongs to a trainee party but no role commands it | hint: list it under units: of one role",
  ],
  "09-wrong-kind-reference.yaml": [
    "48:33 injects[0].deliver[0].to[0]: \"fr-1\" is a unit, but a role, desk or party is expected here",
  ],
  "10-enum-typo.yaml": [
    "26:43 parties[0].agency: \"polize\" is not one of: police, gendarmerie, customs, border_guard, special_intervention_unit, prosecution, ministry, pccc, spoc, rail_operator, club_security, media, civilian, other | hint: did you mean \"police\"?",
  ],
  "11-bad-country-code.yaml": [
    "14:15 map.countries[1].code: write a two-letter ISO country code in capitals (e.g. FR, LU, DE) (found text \"lu\") | hint: did you mean \"LU\"?",
  ],
  "12-self-intersecting-polygon.yaml": [
    "13:51 map.countries[0].polygon[2]: the outline crosses itself: the edge from point 1 meets the edge from point 3 | hint: list the points in order around the outline, without crossing back",
  ],
  "13-overlapping-countries.yaml": [
    "14:28 map.countries[1].polygon: LU overlaps FR: countries may share border lines but not area | hint: use the same points for the shared border in both outlines",
  ],
  "14-point-outside-map.yaml": [
    "33:69 units[0].at: [15000, 2000] lies outside the map (0..10000 east, 0..4000 north)",
  ],
  "15-point-in-no-country.yaml": [
    "42:13 actors[0].route[0]: [11000, 2000] lies in no country drawn on the map",
  ],
  "16-road-not-connected.yaml": [
    "17:13 map.roads[1].id: road side is not connected to the rest of the road network | hint: its point [5030, 2000] lies on road main between two of its points: add [5030, 2000] to the points of main so that the roads join",
  ],
  "17-unit-without-role.yaml": [
    "34:11 units[1].id: unit \"fr-2\" belongs to a trainee party but no role commands it | hint: list it under units: of one role",
  ],
  "18-condition-typo.yaml": [
    "46:24 injects[0].trigger.when.crosses_boder: \"crosses_boder\" is not known here; write one of: all, any, not, at, inject_fired, crosses_border, enters_site, message_sent, order_given, violation, actor_state, tension, agitation, expected_met, action_taken | hint: did you mean \"crosses_border\"?",
  ],
  "19-contingency-unknown-expected.yaml": [
    "53:60 injects[1].trigger.contingency_for.expected: inject \"start\" has no expected action \"notfy\" | hint: did you mean \"notify\"?",
  ],
  "20-unknown-actor-kind.yaml": [
    "36:11 actors[0].kind: kind \"fleeing_car\" is not one of: fleeing_vehicle, hostage_takers, crowd, bystanders | hint: did you mean \"fleeing_vehicle\"?",
  ],
  "21-duplicate-key.yaml": [
    "7:3 this key appears twice in the same block: keep one (YAML keeps no duplicates)",
  ],
  "22-yaml-syntax.yaml": [
    "20:111 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation and the punctuation on this line",
  ],
  "23-tab-indent.yaml": [
    "9:1 a tab is used for indentation: indent with spaces only",
  ],
  "24-wrong-version.yaml": [
    "3:10 jointex: this file is format version 2; this Jointex reads version 1: update Jointex",
  ],
  "25-text-without-english.yaml": [
    "6:3 meta.title.en: missing field \"en\" | hint: English text (en) is required",
  ],
  "26-site-point-and-area.yaml": [
    "20:7 map.sites[1]: give a site either at: [x, y] (a point) or area: (a polygon), not both and not neither",
  ],
  "27-law-same-country.yaml": [
    "23:14 law[0].sending: host and sending country are the same: a declaration is between two states",
  ],
  "28-spawn-active-actor.yaml": [
    "47:24 injects[0].effects[0].spawn: \"thief\" is already active at the start, so spawning it does nothing | hint: set active: false on it so that it enters when this inject fires",
  ],
  "29-deadline-without-outcome.yaml": [
    "55:9 objectives[0].by: a deadline (by:) needs an outcome (achieve:) to apply to",
  ],
  "30-role-of-instructor-party.yaml": [
    "31:27 roles[0].party: party \"fr-police\" is played by the instructor, so it has no trainee roles | hint: set played_by: trainees on that party, or give the role another party",
  ],
  "31-merge-key.yaml": [
    "33:5 units[0].<<: YAML merge keys (<<) are not used in scenario files | hint: write the fields out in full; an editor with the schema completes them",
    "33:5 units[0].party: missing field \"party\" | hint: write an id: lowercase letters, digits, - and _ (e.g. fr-patrol-1)",
    "33:5 units[0].type: missing field \"type\" | hint: write one of: car, unmarked_car, van, motorbike, foot_team, helicopter, boat, armoured_vehicle, bus, command_vehicle, water_cannon",
  ],
  "32-violation-code-typo.yaml": [
    "55:13 objectives[0].rules[0]: not a known violation code (found text \"pursuit/not_notified_at_border\") | hint: did you mean \"pursuit/not_notified_at_crossing\"?",
  ],
  "33-many-problems.yaml": [
    "8:13 meta.duration: write a duration like 45s, 5m, 1h30m or 3d (found text \"soon\")",
    "33:54 units[0].colour: unknown field \"colour\" | hint: fields here: id, party, callsign, type, at, active, crew, speed_kmh, marked, uniform, armed, capabilities, sensor_m",
    "41:16 actors[0].speed_kmh: must be more than 0 (found -5)",
    "50:73 injects[0].expected[0].do.message.to: unknown role, desk or party \"desk-xx\" | hint: did you mean \"desk-lu\"?",
  ],
  "34-not-a-mapping.yaml": [
    "1:1 a scenario file is a block of fields that starts with jointex: 1 | hint: see scenarios/README.md for a worked example",
  ],
  "35-empty.yaml": [
    "1:1 a scenario file is a block of fields that starts with jointex: 1 | hint: see scenarios/README.md for a worked example",
  ],
  "36-alias-bomb.yaml": [
    "1:1 too many alias (*name) expansions: at most 200 are allowed in one file",
  ],
  "37-two-keys-in-condition.yaml": [
    "46:22 injects[0].trigger.when: write only one of \"at\" and \"inject_fired\" here | hint: combine conditions with all: [ ... ] or any: [ ... ]",
  ],
  "38-threshold-missing.yaml": [
    "55:27 objectives[0].achieve.agitation: give above:, below: or both (with above smaller than below), e.g. above: 0.7",
  ],
  "39-site-on-border.yaml": [
    "19:95 map.sites[0].at: [5000, 2500] lies on the border between FR and LU | hint: say which side the site belongs to with country: FR (or LU)",
  ],
  "40-role-commands-foreign-unit.yaml": [
    "31:79 roles[0].units[1]: unit \"lu-1\" belongs to party \"lu-police\", but role \"fr-lead\" is of party \"fr-police\" | hint: a role commands its own party's units; a joint patrol is units of both parties working side by side",
  ],
  "41-expected-within-zero.yaml": [
    "50:94 injects[0].expected[0].within: allow some time: within: must be longer than 0s",
  ],
  "42-time-after-end.yaml": [
    "46:28 injects[0].trigger.when.at: this time falls after the planned end of the exercise (meta.duration)",
    "56:9 objectives[0].by: this deadline falls after the planned end of the exercise (meta.duration)",
  ],
  "43-state-of-wrong-kind.yaml": [
    "55:49 objectives[0].achieve.actor_state.is: a fleeing vehicle can never be \"hostages_released\" | hint: its states: waiting, fleeing, hiding, stopped, apprehended, escaped",
  ],
  "44-site-country-mismatch.yaml": [
    "19:118 map.sites[0].country: the site lies inside LU, not FR | hint: country: is only for a site on a border line",
  ],
  "45-empty-limit.yaml": [
    "24:47 law[0].hot_pursuit.limit: give distance_km:, time: or both, or write limit: unlimited",
  ],
  "46-grace-without-outcome.yaml": [
    "56:22 objectives[0].rating.grace: grace and late apply to an outcome, and this objective has no achieve: | hint: add achieve: and by:, or remove grace and late",
  ],
  "47-stop-request-without-pursuit.yaml": [
    "47:31 injects[0].effects[0].stop_request: no law entry declares hot pursuit for FR <- LU, so there is no pursuit to stop | hint: add hot_pursuit: to that pair under law:",
  ],
  "48-report-to-wrong-country.yaml": [
    "24:52 law[0].hot_pursuit.report_to[0]: site \"station-lu\" lies in FR; officers report to the local authority of the host, LU",
  ],
  "49-duration-overflow.yaml": [
    "8:13 meta.duration: carry over into the larger unit: write 2h30m, not 1h90m",
  ],
  "50-no-version-line.yaml": [
    "3:1 start the file with jointex: 1 (the format version)",
  ],
  "51-version-in-quotes.yaml": [
    "3:10 jointex: write jointex: 1 as a number, without quotes",
  ],
  "52-empty-title.yaml": [
    "6:10 meta.title: must not be empty",
  ],
  "53-point-not-whole-metres.yaml": [
    "33:70 units[0].at[0]: write a point as [x, y] in whole metres from the map's south-west corner, but found the number 1500.5",
  ],
  "54-two-trigger-forms.yaml": [
    "46:14 injects[0].trigger: write only one of \"at\" and \"manual\" here | hint: one form at a time: at, when, contingency_for, manual",
  ],
  "55-reserved-role-id.yaml": [
    "31:11 roles[0].id: \"instructor\" is a reserved word and cannot be an id",
    "48:33 injects[0].deliver[0].to[0]: unknown role, desk or party \"instructor\" | hint: known: all, fr-police, lu-police, desk-lu",
    "50:28 injects[0].expected[0].by[0]: unknown role \"instructor\" | hint: add it under roles",
    "54:13 objectives[0].rated[0]: unknown role \"instructor\" | hint: add it under roles",
  ],
};

const render = (file: string) => {
  const r = parseScenario(readFileSync(new URL(file, dir), "utf8"), file);
  return r.ok ? [] : r.issues.map((i) => `${i.line}:${i.column} ${i.path ? `${i.path}: ` : ""}${i.message}${i.hint ? ` | hint: ${i.hint}` : ""}`);
};

describe("broken scenario corpus", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

  it("has at least 25 fixtures, each with pinned expectations", () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  for (const file of files) {
    it(`${file} is refused with its exact location and message`, () => {
      const got = render(file);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(expected[file]);
    });
  }

  it("names the file in every issue", () => {
    const r = parseScenario(readFileSync(new URL("05-bad-duration.yaml", dir), "utf8"), "scenarios/my-exercise.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.every((i) => i.file === "scenarios/my-exercise.yaml")).toBe(true);
  });
});
