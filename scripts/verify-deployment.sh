#!/usr/bin/env bash
# scripts/verify-deployment.sh BASE_URL: every HTTP check of docs/deployment-checklist.md against a running
# deployment, one "PASS"/"FAIL" line per item, then "N passed, N failed"; exit code 1 when any check fails.
#
# Tokens: ADMIN_TOKEN, STUDENT_TOKEN (sub verify_student), TEACHER_TOKEN (sub verify_teacher, cohort
# verify_cohort). Any that is missing is minted with `dotnet run --project Gateway -- token`, which signs with
# the same configuration as the service (JWT_SECRET when set, else the Development secret).
# Latency budgets (ms) are the seeds': HEALTH_MS=50 READY_MS=200 QUERY_MS=100 BATCH_MS=500.
# The rate-limit check runs last (60 rapid requests to RATE_LIMIT_PATH, /health by default) so it does not use
# up the per-client budget of the others. It writes test data: students verify_*, cohort verify_cohort,
# then erases the students it created.
set -uo pipefail

BASE_URL="${1:-}"
[ -n "$BASE_URL" ] || { echo "usage: $0 BASE_URL   (e.g. http://localhost:8005)" >&2; exit 2; }
BASE_URL="${BASE_URL%/}"
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 2; }
done
HEALTH_MS="${HEALTH_MS:-50}" READY_MS="${READY_MS:-200}" QUERY_MS="${QUERY_MS:-100}" BATCH_MS="${BATCH_MS:-500}"
RATE_LIMIT_PATH="${RATE_LIMIT_PATH:-/health}"
API="$BASE_URL/api/v1"
STUDENT=verify_student
OTHER=verify_other_student
COHORT=verify_cohort
COMPONENTS='{"completion": 0.85, "quiz": 0.90, "quality": 0.85, "consistency": 0.82}'

mint() {
  (cd "$(dirname "$0")/.." && dotnet run --project Gateway -- token "$@" 2>/dev/null | tail -n 1)
}
ADMIN_TOKEN="${ADMIN_TOKEN:-$(mint --sub verify_admin --role admin)}"
STUDENT_TOKEN="${STUDENT_TOKEN:-$(mint --sub "$STUDENT" --role student)}"
TEACHER_TOKEN="${TEACHER_TOKEN:-$(mint --sub verify_teacher --role teacher --cohorts "$COHORT")}"

passed=0
failed=0
body="$(mktemp)"
headers="$(mktemp)"
trap 'rm -f "$body" "$headers"' EXIT

# request METHOD URL [TOKEN] [JSON]: sets $status and $millis, leaves the body in $body and headers in $headers.
request() {
  local method="$1" url="$2" token="${3:-}" json="${4:-}"
  local args=(-s -o "$body" -D "$headers" -w '%{http_code} %{time_total}' -X "$method")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$json" ] && args+=(-H "Content-Type: application/json" --data "$json")
  local out
  out="$(curl "${args[@]}" "$url" 2>/dev/null)" || out="000 0"
  status="${out%% *}"
  millis="$(awk -v s="${out##* }" 'BEGIN { printf "%d", s * 1000 }')"
}

# check NAME CONDITION...: PASS when the condition (a command) succeeds, else FAIL with the status and body start.
check() {
  local name="$1"
  shift
  if "$@" >/dev/null 2>&1; then
    passed=$((passed + 1))
    echo "PASS  $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name (HTTP $status, ${millis} ms: $(head -c 160 "$body" | tr '\n' ' '))"
  fi
}

is() { [ "$status" = "$1" ]; }
json() { jq -e "$1" "$body"; }
within() { [ "$millis" -le "$1" ]; }
header() { grep -qi "^$1:" "$headers"; }

echo "verifying $BASE_URL"

# Core endpoints
request GET "$BASE_URL/health"
check "Health: /health answers 200 {\"status\":\"healthy\"}" json '.status == "healthy"'
check "Health: responds within ${HEALTH_MS} ms (${millis} ms)" within "$HEALTH_MS"
check "Tracing: responses carry X-Request-ID and X-Trace-ID" eval 'header X-Request-ID && header X-Trace-ID'
request GET "$BASE_URL/ready"
check "Ready: /ready answers 200 ready with its dependencies" eval 'is 200 && json ".status == \"ready\" and (.dependencies | length > 0)"'
check "Ready: responds within ${READY_MS} ms (${millis} ms)" within "$READY_MS"
request GET "$BASE_URL/metrics"
check "Metrics: /metrics is Prometheus text with request counters and latency histograms" \
  eval 'is 200 && grep -q "^# TYPE http_requests_total counter" "$body" && grep -q "^http_request_duration_seconds_bucket" "$body"'
request GET "$BASE_URL/"
check "Info: / names the service and its version" json '.name == "mastery-engine" and (.version | length > 0)'

# Authentication
request POST "$API/mastery/query" "" "{\"student_id\": \"$STUDENT\"}"
check "Authentication: no token is 401" is 401
request POST "$API/mastery/query" "not.a.token" "{\"student_id\": \"$STUDENT\"}"
check "Authentication: an invalid token is 401" is 401

# Mastery endpoints
request POST "$API/mastery/calculate" "$ADMIN_TOKEN" "{\"student_id\": \"$STUDENT\", \"components\": $COMPONENTS}"
check "Calculate: the README's example gives 0.862 proficient" eval 'is 200 && json ".data.mastery_score == 0.862 and .data.level == \"proficient\""'
request POST "$API/mastery/query" "$ADMIN_TOKEN" "{\"student_id\": \"$STUDENT\", \"include_components\": true}"
check "Query: returns the student's mastery" eval 'is 200 && json ".data.current_mastery.mastery_score == 0.862"'
check "Query: responds within ${QUERY_MS} ms (${millis} ms)" within "$QUERY_MS"
request POST "$API/mastery/query" "$ADMIN_TOKEN" '{"student_id": "verify_never_seen"}'
check "Query: a student without data is 404 student-not-found" eval 'is 404 && json ".type == \"student-not-found\""'

# Input validation
request POST "$API/mastery/query" "$ADMIN_TOKEN" '{"student_id": "test; DROP TABLE users;--"}'
check "Validation: SQL injection in student_id is 400" is 400
request POST "$API/mastery/query" "$ADMIN_TOKEN" '{"student_id": "<script>alert(1)</script>"}'
check "Validation: script tags in student_id are 400" is 400
request POST "$API/mastery/query" "$ADMIN_TOKEN" '{"student_id": '
check "Validation: invalid JSON is 400" is 400

# Authorization
request POST "$API/mastery/query" "$STUDENT_TOKEN" "{\"student_id\": \"$STUDENT\"}"
check "Student access: a student reads their own data" is 200
request POST "$API/mastery/query" "$STUDENT_TOKEN" "{\"student_id\": \"$OTHER\"}"
check "Student access: a student may not read another student's data (403)" is 403
request PUT "$API/cohorts/$COHORT/students/$STUDENT" "$ADMIN_TOKEN"
check "Admin access: admins set cohort membership" is 200
request POST "$API/mastery/query" "$TEACHER_TOKEN" "{\"student_id\": \"$STUDENT\"}"
check "Teacher access: a teacher reads a student of their cohort" is 200
request POST "$API/mastery/query" "$TEACHER_TOKEN" "{\"student_id\": \"$OTHER\"}"
check "Teacher access: a teacher may not read a student outside their cohorts (403)" is 403

# Analytics endpoints
request POST "$API/batch/mastery" "$ADMIN_TOKEN" "{\"requests\": [{\"student_id\": \"$STUDENT\", \"components\": $COMPONENTS}, {\"student_id\": \"$OTHER\", \"components\": $COMPONENTS}], \"priority\": \"normal\"}"
check "Batch: accepted with a batch_id (202)" eval 'is 202 && json ".data.batch_id | startswith(\"batch_\")"'
check "Batch: submission within ${BATCH_MS} ms (${millis} ms)" within "$BATCH_MS"
batch_id="$(jq -r '.data.batch_id // empty' "$body" 2>/dev/null)"
request GET "$API/batch/status/${batch_id:-missing}" "$ADMIN_TOKEN"
check "Batch: status reports progress" eval 'is 200 && json ".data.total == 2"'
request GET "$API/analytics/history/$STUDENT?days=30" "$ADMIN_TOKEN"
check "History: a student's snapshots" eval 'is 200 && json ".data.snapshots | length >= 1"'
request GET "$API/analytics/cohorts/$COHORT" "$TEACHER_TOKEN"
check "Cohorts: a cohort's analytics for its teacher" eval 'is 200 && json ".data.size >= 1"'
request GET "$API/analytics/cohorts/compare?ids=$COHORT,verify_cohort_b" "$ADMIN_TOKEN"
check "Cohorts: comparison of two cohorts" eval 'is 200 && json ".data.cohorts | length == 2"'

# Service invocation
request POST "$API/process" "$ADMIN_TOKEN" "{\"intent\": \"mastery_calculation\", \"payload\": {\"student_id\": \"$STUDENT\"}}"
check "Process: the mastery_calculation intent answers like its route" eval 'is 200 && json ".success == true and .data.student_id == \"'"$STUDENT"'\""'

# Monitoring
request GET "$BASE_URL/metrics/detailed"
check "Detailed metrics: active requests, error rate and circuit breakers, none open" \
  eval 'is 200 && json "has(\"active_requests\") and has(\"error_rate\") and ([.circuit_breakers[]] | all(. == \"closed\"))"'

# GDPR
request GET "$API/compliance/export/$STUDENT" "$ADMIN_TOKEN"
check "GDPR: export returns the student's data" eval 'is 200 && json ".data.current_mastery != null"'
for student in "$STUDENT" "$OTHER"; do
  request DELETE "$API/compliance/student/$student" "$ADMIN_TOKEN"
done
check "GDPR: erasure removes the student's data and returns an audit id" eval 'is 200 && json ".data.audit_id | length > 0"'
request POST "$API/mastery/query" "$ADMIN_TOKEN" "{\"student_id\": \"$STUDENT\"}"
check "GDPR: an erased student is not found" is 404
request GET "$API/compliance/audit?student_id=$STUDENT" "$ADMIN_TOKEN"
check "GDPR: the erasure is in the audit log with the user id" \
  eval 'is 200 && json "[(.data | if type == \"array\" then . else (.records // .items // []) end)[] | select(.action == \"erasure\" and .performed_by == \"verify_admin\")] | length >= 1"'

# Rate limiting: last, so that it cannot starve the checks above.
limited=""
for _ in $(seq 1 60); do
  request GET "$BASE_URL$RATE_LIMIT_PATH"
  if is 429; then
    limited=yes
    break
  fi
done
check "Rate limiting: 60 rapid requests to $RATE_LIMIT_PATH get 429 (50 per minute per client)" test -n "$limited"
check "Rate limiting: the 429 has Retry-After and a problem body" eval 'header Retry-After && json ".status == 429"'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
