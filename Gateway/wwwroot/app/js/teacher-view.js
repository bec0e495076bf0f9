import { api, v1, enc } from "./api.js";
import { h, pct, cap, levelChip, LEVELS, table } from "./format.js";
import { countChart, linesChart, barChart, heatColor, LEVEL_COLORS, SERIES } from "./charts.js";

const HISTORY_DAYS = 30;
const LOW_CONSISTENCY = 0.3;
const STALLED_DAYS = 7;

/** Cohort analytics, members, and each member's query and history: all from the public API. */
export async function loadCohorts(cohortIds) {
  const cohorts = await Promise.all(cohortIds.map(async id => {
    const [analytics, members] = await Promise.all([
      api("GET", v1(`/analytics/cohorts/${enc(id)}`)),
      api("GET", v1(`/cohorts/${enc(id)}/students`)),
    ]);
    const students = await Promise.all(members.students.map(async studentId => {
      const [query, history] = await Promise.all([
        api("POST", v1("/mastery/query"), { student_id: studentId, include_components: true }),
        api("GET", v1(`/analytics/history/${enc(studentId)}?days=${HISTORY_DAYS}`)),
      ]);
      return { id: studentId, query, history };
    }));
    return { id, analytics, students };
  }));
  const comparison = cohortIds.length >= 2 ? await api("GET", v1(`/analytics/cohorts/compare?ids=${cohortIds.map(enc).join(",")}`)) : null;
  return { cohorts, comparison };
}

/** What the poll compares: the cohorts' analytics change whenever a member's mastery does. */
export async function cohortsVersion(cohortIds) {
  const all = await Promise.all(cohortIds.map(id => api("GET", v1(`/analytics/cohorts/${enc(id)}`))));
  return JSON.stringify(all);
}

/** Why a student needs attention: a declining trend, low consistency, or no progress for a week. */
export function attentionReasons(student, today = new Date()) {
  const reasons = [];
  if (student.query.trend === "declining") reasons.push("declining trend");
  const consistency = student.query.current_mastery.components?.consistency;
  if (consistency !== undefined && consistency < LOW_CONSISTENCY) reasons.push(`low consistency (${pct(consistency)})`);
  const idle = daysSinceProgress(student.history.snapshots, today);
  if (idle !== null && idle >= STALLED_DAYS) reasons.push(`stalled: no progress for ${idle} days`);
  return reasons;
}

/** Days since completion, quiz or quality last moved (consistency moves on its own as days pass). */
export function daysSinceProgress(snapshots, today) {
  if (snapshots.length === 0) return null;
  let last = snapshots[0].date;
  for (let i = 1; i < snapshots.length; i++) {
    const [a, b] = [snapshots[i - 1].components, snapshots[i].components];
    if (a.completion !== b.completion || a.quiz !== b.quiz || a.quality !== b.quality) last = snapshots[i].date;
  }
  return Math.round((Date.parse(today.toISOString().slice(0, 10)) - Date.parse(last)) / 86400000);
}

/** Mean mastery per day, each member counted at their latest snapshot up to that day. */
export function meanOverTime(students) {
  const dates = [...new Set(students.flatMap(s => s.history.snapshots.map(x => x.date)))].sort();
  return dates.map(date => {
    const known = students.map(s => s.history.snapshots.filter(x => x.date <= date).at(-1)).filter(Boolean);
    return { date, mean: known.length ? known.reduce((sum, x) => sum + x.mastery_score, 0) / known.length : null };
  });
}

export function renderCohorts(root, data) {
  const { cohorts, comparison } = data;
  const everyone = cohorts.flatMap(c => c.students.map(s => ({ ...s, cohort: c.id })));
  const attention = everyone.map(s => ({ s, reasons: attentionReasons(s) })).filter(x => x.reasons.length > 0);
  root.replaceChildren(
    h("h2", {}, `Cohorts: ${cohorts.map(c => c.id).join(", ")}`),
    h("div", { class: "grid" }, cohorts.map(levelCard)),
    h("div", { class: "grid" }, meanCard(cohorts), comparison ? compareCard(comparison) : null),
    h("div", { class: "grid" }, attentionCard(attention)),
    h("div", { class: "grid" }, cohorts.map(heatCard)));
  for (const cohort of cohorts) {
    const dist = cohort.analytics.level_distribution;
    countChart(root.querySelector(`#levels-${cssId(cohort.id)}`), LEVELS.map(cap), LEVELS.map(l => dist[l]), LEVELS.map(l => LEVEL_COLORS[l]));
  }
  const labels = [...new Set(cohorts.flatMap(c => meanOverTime(c.students).map(x => x.date)))].sort();
  linesChart(root.querySelector("#mean-chart"), labels, cohorts.map(c => {
    const byDate = new Map(meanOverTime(c.students).map(x => [x.date, x.mean]));
    return { label: c.id, values: labels.map(d => byDate.get(d) ?? null) };
  }));
  if (comparison) {
    barChart(root.querySelector("#compare-chart"), comparison.cohorts.map(c => c.cohort_id), comparison.cohorts.map(c => c.mean_mastery ?? 0), SERIES, "Mean mastery");
  }
}

const cssId = id => id.replace(/[^A-Za-z0-9_-]/g, "_");

function levelCard(cohort) {
  const a = cohort.analytics;
  return h("section", { class: "card", "aria-labelledby": `levels-title-${cssId(cohort.id)}`, "data-testid": "cohort-card", "data-cohort": cohort.id },
    h("h3", { id: `levels-title-${cssId(cohort.id)}` }, `${cohort.id}: level distribution`),
    h("p", {}, `${a.size} students · mean mastery `, h("strong", { "data-testid": "cohort-mean" }, pct(a.mean_mastery))),
    h("div", { class: "chart small" }, h("canvas", { id: `levels-${cssId(cohort.id)}`, role: "img", "aria-label": `Bar chart of students per level in ${cohort.id}: ${LEVELS.map(l => `${l} ${a.level_distribution[l]}`).join(", ")}.` })),
    h("p", { "data-testid": "level-distribution" }, LEVELS.map(l => `${cap(l)} ${a.level_distribution[l]}`).join(" · ")));
}

function meanCard(cohorts) {
  const text = cohorts.map(c => {
    const series = meanOverTime(c.students).filter(x => x.mean !== null);
    return series.length ? `${c.id}: ${pct(series[0].mean)} on ${series[0].date}, ${pct(series.at(-1).mean)} on ${series.at(-1).date}` : `${c.id}: no history`;
  }).join("; ");
  return h("section", { class: "card", "aria-labelledby": "mean-title" },
    h("h3", { id: "mean-title" }, "Mean mastery over time"),
    h("div", { class: "chart" }, h("canvas", { id: "mean-chart", role: "img", "aria-label": `Line chart of each cohort's mean mastery per day. ${text}.` })),
    h("p", { "data-testid": "mean-summary" }, text + "."));
}

function compareCard(comparison) {
  return h("section", { class: "card", "aria-labelledby": "compare-title", "data-testid": "cohort-compare" },
    h("h3", { id: "compare-title" }, "Cohort comparison"),
    h("div", { class: "chart small" }, h("canvas", { id: "compare-chart", role: "img", "aria-label": "Bar chart of mean mastery per cohort; the values are in the text below." })),
    h("p", {}, `Highest: ${comparison.highest_mean_cohort ?? "—"}; lowest: ${comparison.lowest_mean_cohort ?? "—"}; spread ${pct(comparison.mean_spread)}.`),
    table(["Cohort", "Students", "Mean mastery"], comparison.cohorts.map(c => h("tr", {}, h("th", { scope: "row" }, c.cohort_id), h("td", { class: "num" }, c.size), h("td", { class: "num" }, pct(c.mean_mastery))))));
}

const studentLink = id => h("a", { href: `#/student/${enc(id)}`, "data-testid": "student-link" }, id);

function attentionCard(attention) {
  return h("section", { class: "card wide", "aria-labelledby": "attention-title" },
    h("h3", { id: "attention-title" }, `Students who need attention (${attention.length})`),
    attention.length === 0 ? h("p", {}, "Nobody: no declining trend, low consistency or stall.") :
      table(["Student", "Cohort", "Mastery", "Level", "Why"], attention.map(({ s, reasons }) => h("tr", { "data-student": s.id },
        h("th", { scope: "row" }, studentLink(s.id)),
        h("td", {}, s.cohort),
        h("td", { class: "num" }, pct(s.query.current_mastery.mastery_score)),
        h("td", {}, levelChip(s.query.current_mastery.level)),
        h("td", {}, reasons.join("; ")))), { "data-testid": "attention-table" }));
}

function heatCard(cohort) {
  const topics = [...new Set(cohort.students.flatMap(s => s.query.topics.map(t => t.topic)))].sort();
  const rows = cohort.students.map(s => {
    const byTopic = new Map(s.query.topics.map(t => [t.topic, t]));
    return h("tr", { "data-student": s.id },
      h("th", { scope: "row" }, studentLink(s.id)),
      h("td", { class: "num" }, pct(s.query.current_mastery.mastery_score)),
      topics.map(topic => {
        const t = byTopic.get(topic);
        if (!t) return h("td", { class: "cell", "aria-label": `${topic}: not started` }, "—");
        const color = heatColor(t.mastery_score);
        const cell = h("td", { class: "cell", title: `${topic}: ${t.level}` }, pct(t.mastery_score));
        cell.style.background = color.background;
        cell.style.color = color.text;
        return cell;
      }));
  });
  return h("section", { class: "card wide", "aria-labelledby": `heat-title-${cssId(cohort.id)}` },
    h("h3", { id: `heat-title-${cssId(cohort.id)}` }, `${cohort.id}: topic × student mastery`),
    h("p", { class: "muted" }, "Darker is higher; every cell shows its value. Bins: below 40%, 40–55%, 55–70%, 70–90%, 90% and above."),
    table(["Student", "Overall", ...topics], rows, { class: "heat", "data-testid": "heatmap", "data-cohort": cohort.id }));
}
