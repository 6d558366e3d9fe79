// The tables of the product's records, as Kysely types. Times are ISO-8601 text and booleans are
// 0/1 integers so that one schema serves SQLite and PostgreSQL alike.
export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: "admin" | "instructor" | "evaluator" | "coordinator";
  created_at: string;
  disabled: number;
}
export interface TokensTable {
  id: string; // a hash of the token: the token itself is never stored
  user_id: string;
  expires_at: string;
  revoked: number;
}
export interface ExercisesTable {
  id: string;
  scenario_id: string;
  scenario_hash: string;
  seed: string;
  cohort: string;
  status: "lobby" | "briefing" | "running" | "paused" | "debrief" | "ended";
  created_by: string;
  created_at: string;
  ended_at: string | null;
}
export interface LogsTable {
  exercise_id: string;
  log_json: string;
  ticks: number;
  final: number;
  updated_at: string;
}
export interface ParticipantsTable {
  id: string;
  exercise_id: string;
  pseudonym: string;
  role: string;
  kind: "trainee" | "evaluator" | "instructor";
  joined_at: string;
  left_at: string | null;
  absent: number;
}
export interface EvaluationsTable {
  id: string;
  exercise_id: string;
  kind: "note" | "rating" | "override";
  payload_json: string;
  created_at: string;
}
export interface ReportsTable {
  exercise_id: string;
  format: "html" | "json";
  lang: string;
  body: string;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  tokens: TokensTable;
  exercises: ExercisesTable;
  exercise_logs: LogsTable;
  participants: ParticipantsTable;
  evaluations: EvaluationsTable;
  reports: ReportsTable;
}
