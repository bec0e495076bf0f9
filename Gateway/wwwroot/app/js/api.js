import { token } from "./session.js";

/** A refusal of the API, carrying its problem details (RFC 7807). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title || `HTTP ${status}`;
    this.retryAfter = retryAfter;
  }
}

/** Calls the public API with the tab's bearer token and returns the `data` of the success envelope. */
export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    throw new ApiError(response.status, json, Number(response.headers.get("Retry-After")) || null);
  }
  return json && "data" in json ? json.data : json;
}

export const v1 = path => `/api/v1${path}`;
export const enc = encodeURIComponent;
