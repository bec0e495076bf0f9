import { ApiError } from "./api.js";
import { takeTokenFromFragment, saveToken, clearToken, claims } from "./session.js";
import { h } from "./format.js";
import { destroyCharts } from "./charts.js";
import { renderSignIn } from "./signin-view.js";
import { loadStudent, renderStudent, studentVersion } from "./student-view.js";
import { loadCohorts, renderCohorts, cohortsVersion } from "./teacher-view.js";
import { renderAdmin, openEraseDialog, loadAudit, exportStudent, eraseStudent } from "./admin-view.js";

const view = document.getElementById("view");
const status = document.getElementById("status");
// ?refresh=<seconds> (at least 2) overrides how often the views poll the API for changes.
const refreshSeconds = Number(new URLSearchParams(location.search).get("refresh"));
const POLL_MS = refreshSeconds >= 2 ? { student: refreshSeconds * 1000, teacher: refreshSeconds * 1000 } : { student: 10000, teacher: 20000 };
let poll = null;
let renderId = 0;
let timeframe = 14;
const admin = { studentId: "", month: new Date().toISOString().slice(0, 7), audit: null, result: null };

const say = text => { status.textContent = text; };
const stamp = () => new Date().toLocaleTimeString();

function stopPolling() {
  if (poll) clearInterval(poll);
  poll = null;
}

/** Re-renders when the polled version changes (the student's last calculation, the cohorts' analytics). */
function startPolling(ms, version, reload) {
  let last = null;
  version().then(v => { last = v; }).catch(() => {});
  poll = setInterval(async () => {
    if (document.hidden) return;
    try {
      const current = await version();
      if (last !== null && current !== last) await reload();
      last = current;
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) say(`Rate limited by the API; the next refresh comes later.`);
    }
  }, ms);
}

function showError(err) {
  destroyCharts();
  if (err instanceof ApiError && err.status === 401) {
    clearToken();
    return route(`Your token was refused (401): ${err.message}`);
  }
  const title = err instanceof ApiError
    ? (err.status === 403 ? "Access denied (403)" : err.status === 404 ? "Not found (404)" : err.status === 429 ? "Too many requests (429)" : `Error ${err.status}`)
    : "The API could not be reached";
  const retry = err instanceof ApiError && err.retryAfter ? ` Retry in ${err.retryAfter} s.` : "";
  view.replaceChildren(h("div", { class: "alert", role: "alert", "data-testid": "error-message" },
    h("h2", {}, title), h("p", {}, err.message + retry)));
  say("");
  return undefined;
}

async function show(load, render) {
  const id = ++renderId;
  say("Loading…");
  try {
    const data = await load();
    if (id !== renderId) return;
    destroyCharts();
    render(data);
    // The first complete render of this page load, for the time-to-first-render measurement.
    if (performance.getEntriesByName("dashboard-rendered").length === 0) performance.mark("dashboard-rendered");
    say(`Updated ${stamp()}`);
  } catch (err) {
    if (id === renderId) showError(err);
  }
}

function updateChrome(user) {
  const nav = document.getElementById("nav");
  const who = document.getElementById("who");
  nav.hidden = who.hidden = !user;
  if (!user) return;
  document.getElementById("who-name").textContent = `${user.sub} (${user.roles.join(", ")})`;
  for (const li of nav.querySelectorAll("li")) li.hidden = !li.dataset.role.split(" ").some(user.has);
  for (const a of nav.querySelectorAll("a")) {
    if (location.hash.startsWith(a.getAttribute("href"))) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

async function devSignInAvailable() {
  try {
    return (await fetch("/app/dev-token", { method: "GET" })).ok;
  } catch {
    return false;
  }
}

async function route(message) {
  stopPolling();
  const user = claims();
  updateChrome(user);
  if (!user || (user.expiresAt && user.expiresAt < new Date())) {
    if (user) clearToken();
    destroyCharts();
    renderSignIn(view, await devSignInAvailable(), token => { saveToken(token); location.hash = "#/"; route(); }, message ?? (user ? "Your token has expired." : null));
    return;
  }

  const [, page, arg] = location.hash.replace(/^#\/?/, "#/").split("/");
  const target = decodeURIComponent(arg ?? "");
  if (!page) {
    location.replace(user.has("admin") ? "#/admin" : user.has("teacher") ? "#/teacher" : "#/student");
    return;
  }

  view.focus({ preventScroll: true });
  if (page === "student") {
    const studentId = target || user.sub;
    const draw = () => show(() => loadStudent(studentId, timeframe), data => renderStudent(view, data, timeframe, t => { timeframe = t; draw(); }));
    await draw();
    startPolling(POLL_MS.student, () => studentVersion(studentId), draw);
  } else if (page === "teacher") {
    const cohortIds = target ? target.split(",").filter(Boolean) : user.cohorts;
    if (cohortIds.length === 0) {
      renderCohortPicker();
      return;
    }
    const draw = () => show(() => loadCohorts(cohortIds), data => renderCohorts(view, data));
    await draw();
    startPolling(POLL_MS.teacher, () => cohortsVersion(cohortIds), draw);
  } else if (page === "admin") {
    drawAdmin();
    await refreshAudit();
  } else {
    showError(new ApiError(404, { detail: "There is no such page in the dashboard." }));
  }
}

function renderCohortPicker() {
  destroyCharts();
  const input = h("input", { id: "cohort-ids", placeholder: "cohort_a,cohort_b", "data-testid": "cohort-ids" });
  view.replaceChildren(h("h2", {}, "Cohorts"),
    h("form", { class: "stack card", onsubmit: e => { e.preventDefault(); location.hash = `#/teacher/${input.value.replace(/\s/g, "")}`; } },
      h("p", {}, "Your token lists no cohorts. Which cohorts do you want to see?"),
      h("div", {}, h("label", { for: "cohort-ids" }, "Cohort ids, comma-separated"), input),
      h("button", { type: "submit" }, "Show")));
  say("");
}

function drawAdmin() {
  destroyCharts();
  renderAdmin(view, admin, {
    export: async id => { admin.studentId = id; await adminCall(async () => ({ kind: "export", data: await exportStudent(id) })); },
    askErase: id => { admin.studentId = id; if (id) openEraseDialog(view, id); },
    erase: async id => { await adminCall(async () => ({ kind: "erased", data: await eraseStudent(id) })); await refreshAudit(); },
    audit: async month => { admin.month = month; await refreshAudit(); },
  });
}

async function adminCall(call) {
  try {
    admin.result = await call();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return showError(err);
    admin.result = { kind: "error", message: `${err.title ?? "Error"} (${err.status ?? "network"}): ${err.message}` };
  }
  drawAdmin();
  return undefined;
}

async function refreshAudit() {
  try {
    admin.audit = await loadAudit(admin.month);
    drawAdmin();
    say(`Updated ${stamp()}`);
  } catch (err) {
    showError(err);
  }
}

document.getElementById("sign-out").addEventListener("click", () => { clearToken(); location.hash = "#/"; route(); });
window.addEventListener("hashchange", () => route());
takeTokenFromFragment();
route();
