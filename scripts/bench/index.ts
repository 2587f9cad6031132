/**
 * `npm run bench`: what users wait for, measured against the emulator. Prints a table and rewrites
 * docs/benchmarks.md (keeping the fault campaign's section, which `npm run test:faults -- --write-docs`
 * writes). Every timing is a ratio measured in the same run, because CI and laptops are noisy.
 *
 *   npm run bench                     # all of it (a few minutes)
 *   npm run bench -- --quick          # fewer repeats, to try a change
 */
import { cpus, release, totalmem, type } from 'node:os'
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { measureCalls } from './calls.js'
import { measureContention } from './contention.js'
import { measureDetection, measureProbes } from './detection.js'
import { ROOT } from './measure.js'
import { renderReport, type Figures } from './report.js'
import { measureStartup } from './startup.js'

const quick = process.argv.includes('--quick')
const step = (what: string): void => void process.stderr.write(`bench: ${what}…\n`)

step('start-up (paired with node -e 0)')
const startup = await measureStartup(quick ? 5 : 11)
step('AWS calls per scenario')
const calls = await measureCalls()
step('contention (10 runs, CreateDeployment quota 1/s)')
const contention = await measureContention(10, 1000)
step('canary detection')
const detection = await measureDetection(quick ? 1 : 3, quick ? 50 : 300)
step('probe throughput')
const probes = await measureProbes(quick ? 200 : 1000, 8)

const distDir = join(ROOT, 'dist')
const files = readdirSync(distDir).map(name => ({ name, bytes: statSync(join(distDir, name)).size }))
const figures: Figures = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${type()} ${release()}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  startup,
  size: {
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    indexBytes: files.find(f => f.name === 'index.js')?.bytes ?? 0,
    files
  },
  calls,
  contention,
  detection,
  probes
}

const docs = join(ROOT, 'docs/benchmarks.md')
const previous = existsSync(docs) ? readFileSync(docs, 'utf8') : ''
const report = renderReport(figures, previous)
mkdirSync(join(ROOT, 'docs'), { recursive: true })
// Formatted as `npm run format` would, so the committed file passes CI's format check as written.
const { format } = await import('prettier')
const options = JSON.parse(readFileSync(join(ROOT, '.prettierrc.json'), 'utf8'))
writeFileSync(docs, await format(report.markdown, { ...options, parser: 'markdown' }))
process.stdout.write(report.table + '\n')
process.stderr.write(`bench: wrote docs/benchmarks.md\n`)
