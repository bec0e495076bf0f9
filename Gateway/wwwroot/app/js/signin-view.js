import { api } from "./api.js";
import { h } from "./format.js";

/**
 * In Development the gateway offers a dev-token form (POST /app/dev-token, loopback and the development
 * secret only). Anywhere else the platform hands the page a token in the fragment: /app/#token=<jwt>.
 */
export function renderSignIn(root, devAvailable, onToken, message) {
  const sub = h("input", { id: "dev-sub", name: "sub", required: true, autocomplete: "username", value: "teacher_1", "data-testid": "dev-sub" });
  const role = h("select", { id: "dev-role", name: "role", "data-testid": "dev-role" },
    ["student", "teacher", "admin"].map(r => h("option", { value: r, selected: r === "teacher" }, r)));
  const cohorts = h("input", { id: "dev-cohorts", name: "cohorts", value: "cohort_a,cohort_b", "data-testid": "dev-cohorts", "aria-describedby": "dev-cohorts-hint" });
  const pasted = h("textarea", { id: "paste-token", name: "token", spellcheck: "false", "data-testid": "paste-token" });
  const error = h("p", { id: "signin-error", role: "alert", class: message ? "alert" : null, "data-testid": "signin-error" }, message ?? "");
  const fail = text => { error.textContent = text; error.className = "alert"; };

  const devForm = h("form", {
    class: "stack card", "aria-labelledby": "dev-title", "data-testid": "dev-form",
    onsubmit: async e => {
      e.preventDefault();
      try {
        const list = cohorts.value.split(",").map(x => x.trim()).filter(Boolean);
        const issued = await api("POST", "/app/dev-token", { sub: sub.value.trim(), role: role.value, cohorts: role.value === "teacher" ? list : [] });
        onToken(issued.token);
      } catch (err) {
        fail(`Sign-in refused (${err.status ?? "network"}): ${err.message}`);
      }
    },
  },
  h("h3", { id: "dev-title" }, "Development sign-in"),
  h("p", { class: "muted" }, "Signs a token with the public development secret, as the token command does."),
  h("div", {}, h("label", { for: "dev-sub" }, "User id"), sub),
  h("div", {}, h("label", { for: "dev-role" }, "Role"), role),
  h("div", {}, h("label", { for: "dev-cohorts" }, "Cohorts taught (teachers)"), cohorts,
    h("p", { id: "dev-cohorts-hint", class: "muted" }, "Comma-separated cohort ids.")),
  h("button", { type: "submit", "data-testid": "dev-sign-in" }, "Sign in"));

  const pasteForm = h("form", {
    class: "stack card", "aria-labelledby": "paste-title",
    onsubmit: e => { e.preventDefault(); if (pasted.value.trim()) onToken(pasted.value.trim()); },
  },
  h("h3", { id: "paste-title" }, "Sign in with a token"),
  h("p", { class: "muted" }, "Your platform normally opens this page as /app/#token=…; the token stays in this tab only."),
  h("div", {}, h("label", { for: "paste-token" }, "Bearer token"), pasted),
  h("button", { type: "submit", class: "secondary" }, "Use this token"));

  root.replaceChildren(
    h("h2", {}, "Sign in"),
    error,
    h("div", { class: "grid" }, devAvailable ? devForm : null, pasteForm));
}
