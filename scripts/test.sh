#!/usr/bin/env bash
# Runs the whole test suite on a Debian machine with the .NET SDK: installs the real servers and tools the
# tests drive (redis-server, kcat, promtool, yamllint, chromium, the Review Agent's analysers) when missing,
# builds, runs every test project one after the other (saying which), and ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
[ -x /usr/bin/chromium ] || missing+=(chromium)  # Playwright tests (Swagger UI, the dashboard) drive Debian's chromium
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)  # scripts/local-stack.sh and scripts/verify-deployment.sh
# The Review Agent's analysers and sandbox.
command -v pylint >/dev/null 2>&1 || missing+=(pylint)
command -v pyflakes3 >/dev/null 2>&1 || missing+=(pyflakes3)
command -v pycodestyle >/dev/null 2>&1 || missing+=(pycodestyle)
command -v radon >/dev/null 2>&1 || missing+=(radon)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing test dependencies with apt-get: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian package starts a system redis on 6379; the tests start their own on random ports and need none.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet redis-server 2>/dev/null; then
  as_root systemctl stop redis-server || true
fi

results="${TEST_RESULTS_DIR:-$(pwd)/artifacts/test-results}"
rm -rf "$results"
mkdir -p "$results"

echo "==> building MasteryEngine.Orleans.sln in Release (the first build restores packages and takes a few minutes)"
started=$SECONDS
dotnet build MasteryEngine.Orleans.sln -c Release -nologo -v quiet
echo "    built in $((SECONDS - started)) s"
status=0
for project in $(dotnet sln MasteryEngine.Orleans.sln list | grep -E '\.Tests\.csproj$' | sort); do
  name="$(basename "$project" .csproj)"
  echo "==> running $name"
  started=$SECONDS
  dotnet test "$project" -c Release --no-build -nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
  echo "    $name finished in $((SECONDS - started)) s"
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A crashed or aborted test host leaves no failed count behind: count it as a failure, never as a pass.
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
