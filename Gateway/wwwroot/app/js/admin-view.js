import { api, v1, enc } from "./api.js";
import { h, table } from "./format.js";

const AUDIT_ROWS = 50;

/** The newest page of the month's audit trail (the API answers newest first, in pages). */
export async function loadAudit(month, studentId) {
  const query = new URLSearchParams({ month, limit: String(AUDIT_ROWS) });
  if (studentId) query.set("student_id", studentId);
  return api("GET", v1(`/compliance/audit?${query}`));
}

/** GDPR export and erase of one student (erase only after typing the id again), and the audit trail. */
export function renderAdmin(root, state, actions) {
  const idInput = h("input", { id: "admin-student-id", name: "student", autocomplete: "off", required: true, value: state.studentId ?? "", "data-testid": "admin-student-id",
    // Kept as typed: the view is drawn again when the audit trail arrives, and must not lose the id.
    oninput: e => { state.studentId = e.target.value; } });
  const month = h("input", { id: "audit-month", type: "month", value: state.month, "data-testid": "audit-month" });
  root.replaceChildren(
    h("h2", {}, "Administration"),
    h("div", { class: "grid" },
      h("section", { class: "card", "aria-labelledby": "gdpr-title" },
        h("h3", { id: "gdpr-title" }, "GDPR: a student's data"),
        h("form", { class: "stack", onsubmit: e => e.preventDefault() },
          h("div", {}, h("label", { for: "admin-student-id" }, "Student id"), idInput),
          h("div", { class: "row" },
            h("button", { type: "button", "data-testid": "export-button", onclick: () => actions.export(idInput.value.trim()) }, "Export"),
            h("button", { type: "button", class: "danger", "data-testid": "erase-button", onclick: () => actions.askErase(idInput.value.trim()) }, "Erase…"))),
        h("div", { id: "gdpr-result", "aria-live": "polite" }, state.result ? resultView(state.result) : null)),
      h("section", { class: "card wide", "aria-labelledby": "audit-title" },
        h("h3", { id: "audit-title" }, "Audit trail"),
        h("form", { class: "row", onsubmit: e => { e.preventDefault(); actions.audit(month.value); } },
          h("div", {}, h("label", { for: "audit-month" }, "Month"), month),
          h("div", {}, h("button", { type: "submit", class: "secondary" }, "Show"))),
        auditTable(state.audit ?? []))),
    eraseDialog(actions));
}

function resultView(result) {
  if (result.kind === "error") return h("p", { class: "alert", role: "alert", "data-testid": "error-message" }, result.message);
  if (result.kind === "erased") {
    const e = result.data;
    return h("div", { class: "ok", "data-testid": "erase-result" },
      h("p", {}, `Erased ${e.student_id}: ${e.erased_data_kinds.length ? e.erased_data_kinds.join(", ") : "nothing was held"}.`),
      h("p", { class: "muted" }, `Audit record ${e.audit_id}.`));
  }
  const x = result.data;
  const blob = new Blob([JSON.stringify(x, null, 2)], { type: "application/json" });
  return h("div", { "data-testid": "export-result" },
    h("p", {}, `Export of ${x.student_id} at ${new Date(x.exported_at).toLocaleString()}:`),
    h("ul", {},
      h("li", {}, `mastery ${x.current_mastery ? Math.round(x.current_mastery.mastery_score * 100) + "% (" + x.current_mastery.level + ")" : "none"}`),
      h("li", {}, `${x.topics.length} topics, ${x.snapshots.length} daily snapshots, ${x.applied_event_ids.length} applied event ids`),
      h("li", {}, `cohorts: ${x.cohorts.join(", ") || "none"}; batches: ${x.batches.length}`)),
    h("a", { href: URL.createObjectURL(blob), download: `${x.student_id}-export.json` }, "Download the export (JSON)"));
}

function auditTable(records) {
  if (records.length === 0) return h("p", { "data-testid": "audit-empty" }, "No GDPR actions recorded this month.");
  return h("div", {},
    h("p", { class: "muted" }, records.length >= AUDIT_ROWS ? `The newest ${AUDIT_ROWS} records of the month.` : `${records.length} records.`),
    table(["When", "Action", "Student", "By", "Data kinds"], records.map(r => h("tr", {},
    h("td", {}, new Date(r.performed_at).toLocaleString()),
    h("td", {}, r.action),
    h("td", {}, r.student_id),
    h("td", {}, r.performed_by),
    h("td", {}, r.data_kinds.join(", ") || "—"))), { "data-testid": "audit-table" }));
}

function eraseDialog(actions) {
  const confirmInput = h("input", { id: "confirm-id", autocomplete: "off", "data-testid": "confirm-erase-id" });
  const confirmButton = h("button", { type: "button", class: "danger", disabled: true, "data-testid": "confirm-erase" }, "Erase permanently");
  const dialog = h("dialog", { id: "erase-dialog", "aria-labelledby": "erase-title" },
    h("h3", { id: "erase-title" }, "Erase all data of this student?"),
    h("p", { id: "erase-what" }),
    h("p", {}, "This cannot be undone. Type the student id to confirm."),
    h("label", { for: "confirm-id" }, "Confirm the student id"), confirmInput,
    h("div", { class: "row" },
      h("button", { type: "button", class: "secondary", onclick: () => dialog.close() }, "Cancel"),
      confirmButton));
  confirmInput.addEventListener("input", () => { confirmButton.disabled = confirmInput.value.trim() !== dialog.dataset.student; });
  confirmButton.addEventListener("click", () => { dialog.close(); actions.erase(dialog.dataset.student); });
  return dialog;
}

export function openEraseDialog(root, studentId) {
  const dialog = root.querySelector("#erase-dialog");
  dialog.dataset.student = studentId;
  dialog.querySelector("#erase-what").textContent = `State, topics, daily snapshots, applied event ids, cohort memberships and batch results of ${studentId} will be erased; an audit record without the data is kept.`;
  dialog.querySelector("#confirm-id").value = "";
  dialog.querySelector("[data-testid=confirm-erase]").disabled = true;
  dialog.showModal();
}

export const exportStudent = id => api("GET", v1(`/compliance/export/${enc(id)}`));
export const eraseStudent = id => api("DELETE", v1(`/compliance/student/${enc(id)}`));
