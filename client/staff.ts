// The staff desk: instructors create an exercise (and get its join codes) and open exercise control;
// evaluators observe a running exercise; everyone with an account reads past exercises' reports and
// opens their debrief with the replay. Every call carries the bearer token; the server checks the role.
import { writeSession } from "./exercise/net.ts";
import { UI_LANGUAGES, LANGUAGE_NAMES, initI18n, lang, setLanguage, t, tx, type UiLanguage } from "./i18n/index.ts";
import { el } from "./panels/dom.ts";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
interface StaffSession { token: string; user: { username: string; role: string } }
interface ExerciseRow { id: string; scenario_id: string; cohort: string; status: string; created_at: string }
interface ScenarioRow { id: string; title: Record<string, string> }

const staff = JSON.parse(sessionStorage.getItem("jointex.staff") ?? "null") as StaffSession | null;
const api = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`/api${path}`, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${staff?.token ?? ""}`, ...(init.body ? { "content-type": "application/json" } : {}) } });
  if (res.status === 401) { sessionStorage.removeItem("jointex.staff"); location.href = "/"; }
  return res;
};
let created: { roomId: string; exerciseId: string; traineeCode: string; evaluatorCode: string } | null = null;

async function openLive(exerciseId: string): Promise<void> {
  const res = await api(`/exercises/${encodeURIComponent(exerciseId)}/room`);
  if (!res.ok) return alert(((await res.json()) as { reason?: string }).reason ?? res.statusText);
  const { roomId } = (await res.json()) as { roomId: string };
  writeSession({ roomId, exerciseId, token: staff?.token });
  location.href = "/exercise.html";
}

/** Replaces an exercise's join codes (the old ones stop working) and shows the new ones in its row. */
async function newCodes(id: string, where: HTMLElement): Promise<void> {
  const res = await api(`/exercises/${encodeURIComponent(id)}/codes`, { method: "POST" });
  const body = (await res.json()) as { traineeCode?: string; evaluatorCode?: string; reason?: string };
  where.querySelector(".codes")?.remove();
  if (!res.ok || !body.traineeCode) return void where.append(el("p", { class: "error" }, body.reason ?? res.statusText));
  where.append(el("div", { class: "codes", "data-testid": "new-codes" },
    el("span", {}, t("staff.traineeCode")), el("code", {}, body.traineeCode), el("span", {}),
    el("span", {}, t("staff.evaluatorCode")), el("code", {}, body.evaluatorCode ?? ""), el("span", {})));
}

async function openReport(id: string): Promise<void> {
  const res = await api(`/exercises/${encodeURIComponent(id)}/report?format=html&lang=${lang()}`);
  const html = await res.text();
  const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
  window.open(url, "_blank", "noopener");
}

async function renderRun(): Promise<void> {
  const box = $("run-box");
  const canRun = staff?.user.role === "instructor" || staff?.user.role === "admin";
  if (!canRun) return void box.replaceChildren(el("h2", {}, t("staff.desk")), el("p", { class: "hint" }, t("staff.signedAs", { user: staff?.user.username ?? "", role: staff?.user.role ?? "" })));
  const scenarios = ((await (await fetch("/api/scenarios")).json()) as { scenarios: ScenarioRow[] }).scenarios;
  const sel = el("select", { id: "scenario", "data-testid": "run-scenario" }, ...scenarios.map((s) => el("option", { value: s.id }, tx(s.title))));
  const cohort = el("input", { id: "cohort", "data-testid": "run-cohort", maxlength: "120" });
  const seed = el("input", { id: "seed", "data-testid": "run-seed", maxlength: "40" });
  const error = el("p", { class: "error", role: "alert" });
  const form = el("form", {}, el("h2", {}, t("staff.run")),
    el("div", { class: "field" }, el("label", { for: "scenario" }, t("staff.scenario")), sel),
    el("div", { class: "field" }, el("label", { for: "cohort" }, t("staff.cohort")), cohort),
    el("div", { class: "field" }, el("label", { for: "seed" }, t("staff.seed")), seed),
    error, el("button", { class: "big", type: "submit", "data-testid": "run-create" }, t("staff.create")));
  form.onsubmit = async (e) => {
    e.preventDefault();
    const seedValue = (seed as HTMLInputElement).value.trim();
    const res = await api("/exercises", { method: "POST", body: JSON.stringify({ scenarioId: (sel as HTMLSelectElement).value, cohort: (cohort as HTMLInputElement).value, ...(seedValue ? { seed: seedValue } : {}) }) });
    if (!res.ok) return void (error.textContent = ((await res.json()) as { reason?: string; error?: string }).reason ?? res.statusText);
    created = await res.json();
    await renderRun();
    await renderList();
  };
  box.replaceChildren(form);
  if (created) {
    const c = created;
    const copy = (text: string) => { const b = el("button", { type: "button", class: "small" }, t("staff.copy")); b.onclick = () => void navigator.clipboard?.writeText(text); return b; };
    const open = el("button", { class: "big", type: "button", "data-testid": "run-open" }, t("staff.open"));
    open.onclick = () => void openLive(c.exerciseId);
    box.append(el("div", { "data-testid": "run-created" }, el("p", {}, t("staff.created")),
      el("div", { class: "codes" },
        el("span", {}, t("staff.traineeCode")), el("code", { "data-testid": "trainee-code" }, c.traineeCode), copy(c.traineeCode),
        el("span", {}, t("staff.evaluatorCode")), el("code", { "data-testid": "evaluator-code" }, c.evaluatorCode), copy(c.evaluatorCode)),
      open));
  }
}

async function renderList(): Promise<void> {
  const box = $("list-box");
  const res = await api("/exercises");
  const rows = res.ok ? ((await res.json()) as { exercises: ExerciseRow[] }).exercises : [];
  const live = (s: string) => s !== "debrief" && s !== "ended";
  box.replaceChildren(el("h2", {}, t("staff.exercises")), rows.length ? el("table", { class: "list", "data-testid": "exercise-list" },
    el("thead", {}, el("tr", {}, ...[t("staff.scenario"), t("staff.cohort"), t("staff.status"), t("staff.created_at"), ""].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows.map((x) => {
      const actions = el("td", {});
      const button = (label: string, fn: () => void, id: string) => { const b = el("button", { type: "button", class: "small", "data-testid": id }, label); b.onclick = fn; actions.append(b, " "); };
      const role = staff?.user.role;
      if (live(x.status) && role !== "coordinator") {
        button(role === "evaluator" ? t("staff.observe") : t("staff.open"), () => void openLive(x.id), "exercise-open");
        if (role === "instructor" || role === "admin") button(t("staff.newCodes"), () => void newCodes(x.id, actions), "exercise-codes");
      } else if (live(x.status)) actions.append(el("span", { class: "hint" }, t("staff.liveNoAccess")));
      else {
        button(t("staff.report"), () => void openReport(x.id), "exercise-report");
        button(t("staff.replay"), () => { location.href = `/exercise.html?replay=${encodeURIComponent(x.id)}`; }, "exercise-replay");
      }
      return el("tr", { "data-exercise": x.id }, el("td", {}, x.scenario_id), el("td", {}, x.cohort), el("td", {}, t(`phase.${x.status}`, { defaultValue: x.status })), el("td", {}, new Date(x.created_at).toLocaleString(lang())), actions);
    }))) : el("p", { class: "hint" }, t("staff.none")));
}

function renderHeader(): void {
  document.documentElement.lang = lang();
  $("tagline").textContent = t("staff.desk");
  $("lang-label").textContent = t("language");
  const out = el("button", { type: "button", class: "small", "data-testid": "signout" }, t("staff.signout"));
  out.onclick = async () => { await api("/logout", { method: "POST" }); sessionStorage.removeItem("jointex.staff"); location.href = "/"; };
  $("who").replaceChildren(t("staff.signedAs", { user: staff?.user.username ?? "", role: staff?.user.role ?? "" }), " ", out);
}

async function main(): Promise<void> {
  if (!staff) { location.href = "/"; return; }
  await initI18n();
  const sel = $("lang") as HTMLSelectElement;
  sel.replaceChildren(...UI_LANGUAGES.map((l) => el("option", { value: l, ...(l === lang() ? { selected: "" } : {}) }, LANGUAGE_NAMES[l] ?? l)));
  sel.onchange = async () => { await setLanguage(sel.value as UiLanguage); renderHeader(); await renderRun(); await renderList(); };
  renderHeader();
  await renderRun();
  await renderList();
  document.body.dataset.ready = "true";
}

void main();
