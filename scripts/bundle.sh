#!/usr/bin/env bash
# dist/index.js is the whole action, bundled by ncc (each dynamic import() its own chunk). dist/post.js is
# the post: step's entry: it only imports the same bundle, which sees which file the runner started.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
ncc build src/index.ts -o dist --minify --license licenses.txt >/dev/null
cat > dist/post.js <<'JS'
// The post: step (action.yml `post:`). src/index.ts runs the post step when started as post.js.
import './index.js'
JS
echo "dist/: $(du -sh dist | cut -f1) ($(ls dist | wc -l) files)"
