// The stadium district of bench/sim.ts (two rival groups and a neutral one, police patrolling),
// here for the browser: the frame benchmark moves real engine crowds, not random dots.
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export function crowdScenario(agents: number): Scenario {
  const third = Math.floor(agents / 3);
  const text = `
jointex: 1
meta: { id: crowd-${agents}, title: Crowd bench, briefing: Bench, duration: 2h, clock_ratio: 60 }
map:
  extent: { width: 4000, height: 3000 }
  countries:
    - { code: NL, polygon: [[0, 0], [2500, 0], [2500, 3000], [0, 3000]] }
    - { code: BE, polygon: [[2500, 0], [4000, 0], [4000, 3000], [2500, 3000]] }
  roads:
    - { id: r1, speed_kmh: 50, points: [[200, 1500], [2000, 1500], [3800, 1500]] }
  sites:
    - { id: station, name: Station, tags: [station], at: [600, 1500], radius_m: 150 }
    - { id: stadium, name: Stadium, tags: [stadium], at: [2000, 1600], radius_m: 200 }
    - { id: square, name: Square, tags: [public_place], at: [1400, 900], radius_m: 150 }
    - { id: post, name: Police post, tags: [police_station], at: [1000, 1300] }
law: [{ host: NL, sending: BE, joint_operations: { powers: [identity_check], arms: self_defence, host_presence_m: 100 } }]
parties:
  - { id: nl, country: NL, agency: police, name: NL police, played_by: trainees }
  - { id: be, country: BE, agency: police, name: BE police, played_by: trainees }
roles:
  - { id: nl-cmd, party: nl, title: NL commander, units: [nl-1, nl-2] }
  - { id: be-lead, party: be, title: BE lead, units: [be-1] }
units:
  - { id: nl-1, party: nl, callsign: NL1, type: van, at: [1000, 1500], marked: true, uniform: true, armed: true }
  - { id: nl-2, party: nl, callsign: NL2, type: van, at: [1800, 1500], marked: true, uniform: true, armed: true }
  - { id: be-1, party: be, callsign: BE1, type: foot_team, at: [700, 1500], marked: true, uniform: true, armed: false }
actors:
  - { id: away, kind: crowd, name: Away, side: away, size: ${third}, area: station, tension: 0.5, volatility: 0.6, rivals: [home], route: [stadium] }
  - { id: home, kind: crowd, name: Home, side: home, size: ${third}, area: square, tension: 0.4, volatility: 0.5, rivals: [away], route: [stadium] }
  - { id: neutral, kind: crowd, name: Neutral, side: neutral, size: ${agents - 2 * third}, area: stadium, tension: 0.1 }
injects: [{ id: kickoff, title: Kick-off, trigger: { at: 30m } }]
objectives: [{ id: calm, title: Keep it calm, rated: [nl-cmd] }]
`;
  const r = parseScenario(text, `crowd-${agents}`);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.scenario;
}
