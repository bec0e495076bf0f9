// Rounded down, so a score just under a level threshold never reads as the threshold itself (69.96% is "69%", developing).
export const pct = (x, digits = 0) => {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  const scale = 10 ** digits;
  return `${(Math.floor(x * 100 * scale + 1e-6) / scale).toFixed(digits)}%`;
};
export const num = (x, digits = 2) => (x === null || x === undefined ? "—" : Number(x).toFixed(digits));
export const LEVELS = ["novice", "developing", "proficient", "mastered"];
export const levelRank = level => LEVELS.indexOf(level);
export const cap = s => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Builds DOM from a tag, attributes and children; text is always set as text, never parsed as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const levelChip = (level, testid) => h("span", { class: `chip level-${level}`, "data-testid": testid }, cap(level));

export function table(headers, rows, attrs = {}) {
  // Focusable, so a keyboard can scroll a table that is wider than a phone.
  return h("div", { class: "scroll", tabindex: "0" },
    h("table", attrs,
      h("thead", {}, h("tr", {}, headers.map(x => (x instanceof Node ? x : h("th", { scope: "col", class: /%|score|gain|weight|gap|contribution|mastery|consistency|#/i.test(x) ? "num" : null }, x))))),
      h("tbody", {}, rows)));
}
