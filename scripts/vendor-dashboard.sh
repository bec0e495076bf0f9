#!/usr/bin/env bash
# Fetches the dashboard's two third-party files from npm at pinned versions, so the vendored copies in the
# repository can be reproduced and checked: Chart.js (MIT), served by the gateway under /app/vendor/, and
# axe-core (MPL-2.0), injected by the browser tests only. Needs npm and the npm registry; nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

chartjs_version=4.5.1
axe_version=4.14.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package version file-in-package licence-file destination
  (cd "$work" && npm pack --silent "$1@$2" >/dev/null)
  local tarball="$work/$1-$2.tgz"
  mkdir -p "$work/$1-$2" "$(dirname "$5")"
  tar -xzf "$tarball" -C "$work/$1-$2"
  cp "$work/$1-$2/package/$3" "$5"
  cp "$work/$1-$2/package/$4" "$(dirname "$5")/LICENSE-$1.txt"
  echo "$1@$2 -> $5 (sha256 $(sha256sum "$5" | cut -c1-16))"
}

fetch chart.js "$chartjs_version" dist/chart.umd.min.js LICENSE.md Gateway/wwwroot/app/vendor/chart.umd.min.js
fetch axe-core "$axe_version" axe.min.js LICENSE tests/MasteryEngine.Dashboard.Tests/vendor/axe.min.js
