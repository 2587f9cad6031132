#!/usr/bin/env bash
# dist/ must be exactly what `npm run bundle` makes of the committed sources (GitHub runs dist/, not src/).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent bundle >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ does not match 'npm run bundle' of the sources. Run 'npm run bundle' and commit dist/:" >&2
  git status --porcelain -- dist >&2
  git --no-pager diff --stat -- dist >&2
  exit 1
fi
echo "dist/ matches the sources."
