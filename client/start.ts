// The start page: a trainee enters the join code and a display name, picks a role, and goes to the
// exercise; staff sign in and go to the staff desk. The language chosen here carries to every page.
import { writeSession } from "./exercise/net.ts";
import { UI_LANGUAGES, LANGUAGE_NAMES, initI18n, lang, setLanguage, t, tx, type UiLanguage } from "./i18n/index.ts";
import { el } from "./panels/dom.ts";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
interface JoinInfo {
  exerciseId: string; roomId: string; kind: "trainee" | "evaluator";
  scenario: { id: string; title: Record<string, string> };
  roles: { id: string; title: Record<string, string>; country: string; maxPlayers: number }[];
}

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  input.id = id;
  return el("div", { class: "field" }, el("label", { for: id }, label), input, ...(hint ? [el("span", { class: "hint" }, hint)] : []));
}

let joinInfo: JoinInfo | null = null;
let draft = { code: "", name: "" };

function renderJoin(): void {
  const box = $("join-box");
  const code = el("input", { "data-testid": "join-code", autocomplete: "off", spellcheck: "false", value: draft.code });
  const name = el("input", { "data-testid": "join-name", autocomplete: "nickname", maxlength: "40", value: draft.name });
  const error = el("p", { class: "error", "data-testid": "join-error", role: "alert" });
  const form = el("form", { "data-testid": "join-form" },
    el("h1", {}, t("join.title")),
    field("code", t("join.code"), code, t("join.codeHint")),
    field("name", t("join.name"), name, t("join.nameHint")),
  );
  const roles = el("div", { "data-testid": "join-roles" });
  const next = el("button", { class: "big", type: "submit", "data-testid": "join-next" }, joinInfo ? t("join.go") : t("join.next"));
  form.append(roles, error, next);
  if (joinInfo) {
    const info = joinInfo;
    roles.append(el("h2", {}, tx(info.scenario.title)));
    if (info.kind === "evaluator") roles.append(el("p", {}, t("join.observer")));
    else {
      roles.append(el("p", { class: "hint" }, t("join.role"), " — ", t("join.roleHint")));
      roles.append(el("ul", { class: "roles-choice" }, ...info.roles.map((r) => el("li", {}, el("label", {},
        el("input", { type: "radio", name: "role", value: r.id, "data-testid": "join-role", "data-role": r.id }),
        el("span", {}, tx(r.title)), el("span", { class: "country-code" }, r.country))))));
    }
  }
  code.oninput = () => { draft.code = (code as HTMLInputElement).value; if (joinInfo) { joinInfo = null; renderJoin(); $("code").focus(); } };
  name.oninput = () => { draft.name = (name as HTMLInputElement).value; };
  form.onsubmit = async (e) => {
    e.preventDefault();
    error.textContent = "";
    const pseudonym = draft.name.trim();
    if (!pseudonym) return void (error.textContent = t("join.needName"));
    if (!joinInfo) {
      const res = await fetch("/api/join", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: draft.code.trim() }) });
      if (!res.ok) return void (error.textContent = res.status === 404 || res.status === 400 ? t("join.badCode") : ((await res.json()) as { reason?: string }).reason ?? res.statusText);
      joinInfo = (await res.json()) as JoinInfo;
      return renderJoin();
    }
    const role = (form.querySelector("input[name=role]:checked") as HTMLInputElement | null)?.value;
    if (joinInfo.kind === "trainee" && !role) return void (error.textContent = t("join.needRole"));
    writeSession({ roomId: joinInfo.roomId, exerciseId: joinInfo.exerciseId, code: draft.code.trim(), pseudonym, ...(role ? { role } : {}) });
    location.href = "/exercise.html";
  };
  box.replaceChildren(form);
}

function renderStaff(): void {
  const box = $("staff-box");
  const user = el("input", { "data-testid": "staff-user", autocomplete: "username" });
  const pass = el("input", { type: "password", "data-testid": "staff-password", autocomplete: "current-password" });
  const error = el("p", { class: "error", "data-testid": "staff-error", role: "alert" });
  const form = el("form", {}, el("h1", {}, t("staff.title")), el("p", { class: "hint" }, t("staff.hint")),
    field("user", t("staff.user"), user), field("password", t("staff.password"), pass), error,
    el("button", { class: "big", type: "submit", "data-testid": "staff-signin" }, t("staff.signin")));
  form.onsubmit = async (e) => {
    e.preventDefault();
    const res = await fetch("/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: (user as HTMLInputElement).value, password: (pass as HTMLInputElement).value }) });
    const body = (await res.json()) as { token?: string; user?: unknown; reason?: string };
    if (!res.ok || !body.token) return void (error.textContent = t("staff.failed", { reason: body.reason ?? res.statusText }));
    sessionStorage.setItem("jointex.staff", JSON.stringify({ token: body.token, user: body.user }));
    location.href = "/staff.html";
  };
  box.replaceChildren(form);
}

function render(): void {
  document.documentElement.lang = lang();
  $("tagline").textContent = t("tagline");
  $("lang-label").textContent = t("language");
  ($("library") as HTMLAnchorElement).textContent = t("staff.library");
  renderJoin();
  renderStaff();
}

async function main(): Promise<void> {
  await initI18n();
  const sel = $("lang") as HTMLSelectElement;
  sel.replaceChildren(...UI_LANGUAGES.map((l) => el("option", { value: l, ...(l === lang() ? { selected: "" } : {}) }, LANGUAGE_NAMES[l] ?? l)));
  sel.onchange = async () => { await setLanguage(sel.value as UiLanguage); render(); };
  // A code in the link (?code=...) fills the form: instructors can hand out a link instead.
  draft.code = new URLSearchParams(location.search).get("code") ?? "";
  render();
  document.body.dataset.ready = "true";
}

void main();
