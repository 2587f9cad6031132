/**
 * ncc's programmatic build, for the one option its CLI lacks: `esm: false`. The sources are ESM (package.json
 * "type": "module"), so the CLI emits an ESM bundle, and Node then loads the entry through its ESM loader, which
 * cost a bad-input run a third of its time above a bare `node -e 0` (docs/benchmarks.md). Webpack turns the
 * ESM sources and the ESM-only @actions packages into CommonJS as well; dynamic import()s stay chunks, loaded
 * with require() when reached.
 *
 *   tsx scripts/ncc-build.ts <entry> <out-dir>
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

interface NccResult {
  code: string
  assets: Record<string, { source: string | Buffer }>
}
type Ncc = (
  entry: string,
  options: { esm: boolean; minify: boolean; license: string; quiet: boolean }
) => Promise<NccResult>

// @vercel/ncc is CommonJS and ships no types.
const ncc = createRequire(import.meta.url)('@vercel/ncc') as Ncc

const [entry, out] = process.argv.slice(2)
if (!entry || !out) throw new Error('usage: tsx scripts/ncc-build.ts <entry> <out-dir>')
// ncc needs an absolute entry path: a relative one fails deep inside webpack.
const { code, assets } = await ncc(resolve(entry), {
  esm: false,
  minify: true,
  license: 'licenses.txt',
  quiet: true
})
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'index.js'), code)
for (const [name, asset] of Object.entries(assets)) {
  mkdirSync(dirname(join(out, name)), { recursive: true })
  writeFileSync(join(out, name), asset.source)
}
