// The bearer token lives in this tab only (sessionStorage), never in localStorage or a cookie.
const KEY = "mastery-dashboard:token";

export function takeTokenFromFragment() {
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  // Drop the token from the address bar and the history.
  history.replaceState(null, "", location.pathname + location.search + "#/");
}

export function saveToken(token) { sessionStorage.setItem(KEY, token.trim()); }
export function clearToken() { sessionStorage.removeItem(KEY); }
export function token() { return sessionStorage.getItem(KEY); }

/** The claims the gateway reads, decoded for display and routing only; the API checks the signature. */
export function claims() {
  const raw = token();
  if (!raw) return null;
  try {
    const part = raw.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = JSON.parse(decodeURIComponent(escape(atob(part))));
    const list = v => (Array.isArray(v) ? v : v ? [v] : []);
    const roles = [...list(json.roles), ...list(json.role)];
    return {
      sub: json.sub ?? json.user_id ?? "",
      roles,
      cohorts: list(json.cohorts),
      expiresAt: json.exp ? new Date(json.exp * 1000) : null,
      has: role => roles.includes(role),
    };
  } catch {
    return null;
  }
}
