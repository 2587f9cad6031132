#!/usr/bin/env bash
# dist/index.js is the action's entry, bundled by ncc as CommonJS (see scripts/ncc-build.ts), each dynamic
# import() its own chunk: the heavy one loads only for valid input. dist/post.js is the post: step's entry: it
# only loads the same bundle, which sees which file the runner started.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
tsx scripts/ncc-build.ts src/index.ts dist
# The repository's package.json says "type": "module"; dist/ is CommonJS (written first: esbuild reads it).
printf '{\n  "type": "commonjs"\n}\n' > dist/package.json
# ncc minifies the entry but not the chunks of dynamic imports (most of the code: @actions/core, the AWS SDK).
# Licenses are already collected in dist/licenses.txt; --keep-names keeps class names that errors report.
for chunk in dist/*.index.js; do
  esbuild "$chunk" --minify --keep-names --format=cjs --legal-comments=none --log-level=warning \
    --outfile="$chunk" --allow-overwrite
done
cat > dist/post.js <<'JS'
// The post: step (action.yml `post:`). src/index.ts runs the post step when started as post.js.
require('./index.js')
JS
echo "dist/: $(du -sh dist | cut -f1) ($(ls dist | wc -l) files)"
