import { api, v1, enc } from "./api.js";
import { h, pct, num, cap, levelChip, levelRank, table } from "./format.js";
import { historyChart, barChart, SERIES, COLORS } from "./charts.js";

const HISTORY_DAYS = 60;

/** Loads everything the student view shows; four calls of the public API. */
export async function loadStudent(studentId, timeframe) {
  const [query, prediction, history, recommendations] = await Promise.all([
    api("POST", v1("/mastery/query"), { student_id: studentId, include_components: true }),
    api("POST", v1("/predictions/next-week"), { student_id: studentId, timeframe_days: timeframe }),
    api("GET", v1(`/analytics/history/${enc(studentId)}?days=${HISTORY_DAYS}`)),
    api("POST", v1("/recommendations/adaptive"), { student_id: studentId, limit: 8 }),
  ]);
  return { query, prediction, history, recommendations };
}

/** A cheap fingerprint of the student's state, polled to know when to re-render. */
export async function studentVersion(studentId) {
  const query = await api("POST", v1("/mastery/query"), { student_id: studentId, include_components: false });
  return `${query.current_mastery.calculated_at}|${query.current_mastery.mastery_score}`;
}

/** Level changes between consecutive daily snapshots, newest first. */
export function levelChanges(snapshots) {
  const changes = [];
  for (let i = 1; i < snapshots.length; i++) {
    const [before, after] = [snapshots[i - 1], snapshots[i]];
    if (before.level !== after.level) {
      changes.push({ date: after.date, from: before.level, to: after.level, up: levelRank(after.level) > levelRank(before.level), score: after.mastery_score });
    }
  }
  return changes.reverse();
}

const lastVisitKey = id => `mastery-dashboard:last-visit:${id}`;
const visitBaselines = new Map();

/** The date of the previous visit to this student's view; only a date is kept on the device, no data. */
function previousVisit(studentId) {
  if (!visitBaselines.has(studentId)) {
    visitBaselines.set(studentId, localStorage.getItem(lastVisitKey(studentId)));
    localStorage.setItem(lastVisitKey(studentId), new Date().toISOString().slice(0, 10));
  }
  return visitBaselines.get(studentId);
}

export function renderStudent(root, data, timeframe, onTimeframe) {
  const { query, prediction, history, recommendations } = data;
  const current = query.current_mastery;
  const snapshots = history.snapshots;
  root.replaceChildren(
    h("h2", {}, `Progress of ${query.student_id}`),
    h("div", { class: "grid" },
      overviewCard(query),
      componentsCard(current)),
    h("div", { class: "grid" },
      historyCard(snapshots, prediction, timeframe, onTimeframe)),
    h("div", { class: "grid" },
      topicsCard(query.topics),
      recommendationsCard(recommendations.recommendations),
      changesCard(query.student_id, snapshots)));
  drawCharts(root, snapshots, prediction, current, query.topics);
}

function overviewCard(query) {
  const current = query.current_mastery;
  return h("section", { class: "card", "aria-labelledby": "overview-title" },
    h("h3", { id: "overview-title" }, "Mastery now"),
    h("div", { class: "hero" },
      h("span", { class: "score", "data-testid": "mastery-score" }, pct(current.mastery_score)),
      levelChip(current.level, "mastery-level")),
    h("p", {},
      "Trend over the last two weeks: ",
      h("span", { class: `trend-${query.trend}`, "data-testid": "trend" }, query.trend),
      ". Average over the retained history: ", h("strong", {}, pct(query.historical_average)), "."),
    h("p", { class: "muted" }, `Calculated ${new Date(current.calculated_at).toLocaleString()}.`));
}

function componentsCard(current) {
  const rows = current.breakdown.map(b => h("tr", { "data-component": b.component },
    h("th", { scope: "row" }, cap(b.component)),
    h("td", { class: "num" }, pct(b.score)),
    h("td", { class: "num" }, pct(b.weight)),
    h("td", { class: "num" }, pct(b.contribution, 1)),
    h("td", { class: "num" }, current.level === "mastered" ? "—" : `+${pct(b.gap_to_next_level)}`)));
  return h("section", { class: "card", "aria-labelledby": "components-title" },
    h("h3", { id: "components-title" }, "The four components"),
    h("div", { class: "chart small" }, h("canvas", { id: "components-chart", role: "img", "aria-label": "Bar chart of the four component scores; the values are in the table below." })),
    table(["Component", "Score", "Weight", "Contribution", "Gap to next level"], rows, { "data-testid": "components-table" }),
    h("p", { class: "muted" }, "Gap to next level: how much this component alone must rise, the others unchanged, to reach the next level."));
}

function historyCard(snapshots, prediction, timeframe, onTimeframe) {
  const first = snapshots[0];
  const summary = snapshots.length === 0
    ? "No daily snapshot yet."
    : `${snapshots.length} daily snapshots from ${first.date} (${pct(first.mastery_score)}) to ${snapshots.at(-1).date} (${pct(snapshots.at(-1).mastery_score)}).`;
  const forecast = prediction.insufficient_history
    ? prediction.message
    : `Predicted in ${prediction.timeframe_days} days: ${pct(prediction.predicted_mastery)} (${prediction.predicted_level}), confidence ${pct(prediction.confidence)}.`;
  const select = h("select", { id: "timeframe", onchange: e => onTimeframe(Number(e.target.value)) },
    [7, 14, 30].map(d => h("option", { value: d, selected: d === timeframe }, `${d} days`)));
  return h("section", { class: "card wide", "aria-labelledby": "history-title" },
    h("div", { class: "row" },
      h("div", {}, h("h3", { id: "history-title" }, "Mastery over time and prediction")),
      h("div", { class: "timeframe" }, h("label", { for: "timeframe" }, "Prediction horizon"), select)),
    h("div", { class: "chart" }, h("canvas", { id: "history-chart", "data-testid": "history-chart", role: "img", "aria-label": `Line chart of daily mastery with the prediction. ${summary} ${forecast}` })),
    h("p", { "data-testid": "history-summary" }, summary),
    h("p", { "data-testid": "prediction-summary" }, forecast),
    h("details", {},
      h("summary", {}, "All values"),
      table(["Date", "Mastery", "Level"], [
        ...snapshots.map(s => h("tr", {}, h("td", {}, s.date), h("td", { class: "num" }, pct(s.mastery_score, 1)), h("td", {}, s.level))),
        ...prediction.trajectory.map(p => h("tr", { class: "muted" }, h("td", {}, `${p.date} (predicted)`), h("td", { class: "num" }, pct(p.predicted_mastery, 1)), h("td", {}, "—"))),
      ])));
}

function topicsCard(topics) {
  // Learner-model fields (knowledge, its interval, the evidence count) are shown when the API answers with them.
  const hasKnowledge = topics.some(t => t.knowledge !== undefined);
  const interval = t => {
    const i = t.knowledge_interval ?? t.interval;
    if (!i) return "—";
    const [low, high] = Array.isArray(i) ? i : [i.low ?? i.lower, i.high ?? i.upper];
    return `${pct(low)}–${pct(high)}`;
  };
  const headers = hasKnowledge ? ["Topic", "Knowledge", "Interval", "Evidence", "Mastery", "Level"] : ["Topic", "Mastery", "Level"];
  const rows = topics.map(t => h("tr", { "data-topic": t.topic },
    h("th", { scope: "row" }, t.topic),
    hasKnowledge ? [h("td", { class: "num" }, pct(t.knowledge)), h("td", { class: "num" }, interval(t)), h("td", { class: "num" }, t.evidence_count ?? t.evidence ?? "—")] : [],
    h("td", { class: "num" }, pct(t.mastery_score)),
    h("td", {}, levelChip(t.level))));
  return h("section", { class: "card", "aria-labelledby": "topics-title" },
    h("h3", { id: "topics-title" }, "Per topic"),
    topics.length === 0 ? h("p", {}, "No topic has events yet.") : [
      h("div", { class: "chart small" }, h("canvas", { id: "topics-chart", role: "img", "aria-label": "Bar chart of mastery per topic; the values are in the table below." })),
      table(headers, rows, { "data-testid": "topics-table" })]);
}

function recommendationsCard(recommendations) {
  return h("section", { class: "card", "aria-labelledby": "recs-title" },
    h("h3", { id: "recs-title" }, "What to do next"),
    recommendations.length === 0 ? h("p", {}, "Nothing to recommend: every component is at its best.") :
      h("ol", { class: "plain", "data-testid": "recommendations" },
        recommendations.map(r => h("li", {},
          h("div", {}, r.action),
          h("div", { class: "muted" },
            h("span", { class: `prio-${r.priority}` }, `${cap(r.priority)} priority`),
            " · expected gain ", h("span", { class: "gain" }, `+${pct(r.expected_gain, 1)}`),
            r.topic ? ` · topic ${r.topic}` : ` · ${r.component}`)))));
}

function changesCard(studentId, snapshots) {
  const since = previousVisit(studentId);
  const all = levelChanges(snapshots);
  const fortnightAgo = new Date(Date.now() - 14 * 86400000).toISOString().slice(0, 10);
  const changes = all.filter(c => c.date >= (since ?? fortnightAgo));
  return h("section", { class: "card", "aria-labelledby": "changes-title" },
    h("h3", { id: "changes-title" }, "What changed since your last visit"),
    h("p", { class: "muted" }, since ? `Last visit: ${since}.` : "First visit: the last 14 days."),
    changes.length === 0 ? h("p", { "data-testid": "changes-none" }, "No level changes.") :
      h("ul", { class: "plain", "data-testid": "changes" },
        changes.map(c => h("li", { class: c.up ? "up" : "down" },
          h("span", { "aria-hidden": "true" }, c.up ? "▲ " : "▼ "),
          `${c.date}: ${c.up ? "up" : "down"} from ${c.from} to ${c.to} (${pct(c.score)})`))),
    all.length > changes.length ? h("p", { class: "muted" }, `${all.length - changes.length} earlier change(s) in the history.`) : null);
}

function drawCharts(root, snapshots, prediction, current, topics) {
  historyChart(root.querySelector("#history-chart"), snapshots, prediction);
  barChart(root.querySelector("#components-chart"),
    current.breakdown.map(b => `${cap(b.component)} (×${num(b.weight)})`),
    current.breakdown.map(b => b.score), SERIES.slice(0, 4));
  const topicsCanvas = root.querySelector("#topics-chart");
  if (topicsCanvas) barChart(topicsCanvas, topics.map(t => t.topic), topics.map(t => t.mastery_score), COLORS.sky, "Mastery");
}
