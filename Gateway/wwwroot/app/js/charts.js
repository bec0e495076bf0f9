// Chart.js wrappers. Colours from the Okabe–Ito palette; lines also differ by dash so no chart relies on colour alone.
export const COLORS = {
  blue: "#0072b2", orange: "#e69f00", green: "#009e73", sky: "#56b4e9",
  vermillion: "#d55e00", purple: "#cc79a7", yellow: "#f0e442", grey: "#6b7480",
};
export const LEVEL_COLORS = { novice: COLORS.vermillion, developing: COLORS.orange, proficient: COLORS.sky, mastered: COLORS.blue };
export const SERIES = [COLORS.blue, COLORS.orange, COLORS.green, COLORS.purple, COLORS.vermillion, COLORS.sky];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

const live = new Set();

/** Destroys every chart of the previous render (a view re-renders on refresh). */
export function destroyCharts() {
  for (const chart of live) chart.destroy();
  live.clear();
}

function make(canvas, config) {
  config.options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { labels: { boxWidth: 14, color: "#1b1f24" } }, ...(config.options?.plugins || {}) },
    ...config.options,
  };
  const chart = new window.Chart(canvas, config);
  live.add(chart);
  return chart;
}

const percentAxis = { min: 0, max: 1, ticks: { callback: v => `${Math.round(v * 100)}%`, color: "#4a5360" }, grid: { color: "#e3e7ec" } };
const dateAxis = { type: "category", ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8, color: "#4a5360" }, grid: { display: false } };

/**
 * Mastery per day, then the prediction with its band. The API gives a confidence score, not an interval, so
 * the band is drawn as ± (1 − confidence) × 0.25, widening linearly to the end of the horizon.
 */
export function historyChart(canvas, snapshots, prediction) {
  const past = snapshots.map(s => s.date);
  const future = prediction ? prediction.trajectory.map(p => p.date) : [];
  const labels = [...past, ...future];
  const pad = n => Array(n).fill(null);
  const actual = [...snapshots.map(s => s.mastery_score), ...pad(future.length)];
  const datasets = [{ label: "Mastery", data: actual, borderColor: COLORS.blue, backgroundColor: COLORS.blue, pointRadius: 2.5, spanGaps: true, tension: 0.2 }];
  if (prediction) {
    const anchor = [...pad(Math.max(past.length - 1, 0)), prediction.current_mastery];
    const width = k => (1 - prediction.confidence) * 0.25 * (k + 1) / prediction.trajectory.length;
    const clamp = x => Math.min(1, Math.max(0, x));
    datasets.push(
      { label: "Predicted", data: [...anchor, ...prediction.trajectory.map(p => p.predicted_mastery)], borderColor: COLORS.orange, backgroundColor: COLORS.orange, borderDash: DASHES[1], pointRadius: 0 },
      { label: "Band (low)", data: [...anchor, ...prediction.trajectory.map((p, k) => clamp(p.predicted_mastery - width(k)))], borderColor: "transparent", pointRadius: 0, fill: false },
      { label: "Confidence band", data: [...anchor, ...prediction.trajectory.map((p, k) => clamp(p.predicted_mastery + width(k)))], borderColor: "transparent", backgroundColor: "rgba(230,159,0,0.22)", pointRadius: 0, fill: "-1" });
  }
  return make(canvas, {
    type: "line",
    data: { labels, datasets },
    options: {
      scales: { x: dateAxis, y: percentAxis },
      plugins: { legend: { labels: { filter: item => item.text !== "Band (low)" } }, tooltip: { callbacks: { label: c => `${c.dataset.label}: ${Math.round(c.parsed.y * 100)}%` } } },
    },
  });
}

/** Horizontal bars in [0, 1], one colour per bar or one for all. */
export function barChart(canvas, labels, values, colors, label = "Score") {
  return make(canvas, {
    type: "bar",
    data: { labels, datasets: [{ label, data: values, backgroundColor: colors, borderColor: "#1b1f24", borderWidth: 1 }] },
    options: { indexAxis: "y", scales: { x: percentAxis, y: { ticks: { color: "#1b1f24" }, grid: { display: false } } }, plugins: { legend: { display: false } } },
  });
}

export function countChart(canvas, labels, values, colors) {
  return make(canvas, {
    type: "bar",
    data: { labels, datasets: [{ label: "Students", data: values, backgroundColor: colors, borderColor: "#1b1f24", borderWidth: 1 }] },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0, color: "#4a5360" } }, x: { ticks: { color: "#1b1f24" }, grid: { display: false } } }, plugins: { legend: { display: false } } },
  });
}

/** One line per series over shared dates. */
export function linesChart(canvas, labels, series) {
  return make(canvas, {
    type: "line",
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.values, borderColor: SERIES[i % SERIES.length], backgroundColor: SERIES[i % SERIES.length], borderDash: DASHES[i % DASHES.length], pointRadius: 1.5, spanGaps: true, tension: 0.2 })),
    },
    options: { scales: { x: dateAxis, y: percentAxis } },
  });
}

/**
 * The heat map's five bins, light to dark blue (one hue, so it reads the same with any colour vision), each
 * with a text colour of at least 4.5:1 contrast on it.
 */
const HEAT_BINS = [
  { from: 0.9, background: "rgb(8,48,107)", text: "#ffffff" },
  { from: 0.7, background: "rgb(33,113,181)", text: "#ffffff" },
  { from: 0.55, background: "rgb(107,174,214)", text: "#1b1f24" },
  { from: 0.4, background: "rgb(198,219,239)", text: "#1b1f24" },
  { from: 0, background: "rgb(247,251,255)", text: "#1b1f24" },
];

export const heatColor = x => HEAT_BINS.find(bin => x >= bin.from);
