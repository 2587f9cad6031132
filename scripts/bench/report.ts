/** docs/benchmarks.md and the console table, from the figures of one run. */
import type { CallsRow } from './calls.js'
import type { ContentionFigures } from './contention.js'
import type { DetectionFigures, ProbeFigures } from './detection.js'
import { median } from './measure.js'
import type { StartupFigures } from './startup.js'

export interface Figures {
  date: string
  machine: string
  startup: StartupFigures
  size: { totalBytes: number; indexBytes: number; files: { name: string; bytes: number }[] }
  calls: CallsRow[]
  contention: ContentionFigures
  detection: DetectionFigures
  probes: ProbeFigures
}

const START = '<!-- fault-campaign:start -->'
const END = '<!-- fault-campaign:end -->'
const MiB = 2 ** 20

const x = (ratio: number): string => `${ratio.toFixed(2)}×`
const mb = (bytes: number): string => `${(bytes / MiB).toFixed(2)} MiB`
const ok = (pass: boolean): string => (pass ? '✅' : '❌')

/** Wilson score interval (95%) for `k` of `n`. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.96
  const p = k / n
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n)
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

export function renderReport(f: Figures, previous: string): { markdown: string; table: string } {
  const { startup: s, size, contention: c, detection: d, probes: p } = f
  const missRate = d.missed / d.repeats
  const [low, high] = wilson(d.missed, d.repeats)
  const worstDetection = Math.max(...d.detectionMs)
  const headline: [string, string, string, boolean][] = [
    ['Invalid input → exit', x(s.invalid.ratio), '≤ 1.5×', s.invalid.ratio <= 1.5],
    ['Plain deploy to an existing stage', x(s.plainDeploy.ratio), '≤ 2.5×', s.plainDeploy.ratio <= 2.5],
    [
      'Peak RSS, full canary deploy',
      `${s.canaryPeakRssMb.toFixed(0)} MB`,
      '< 100 MB',
      s.canaryPeakRssMb < 100
    ],
    ['All of dist/', mb(size.totalBytes), '< 2 MiB', size.totalBytes < 2 * MiB],
    [
      `${c.runs} concurrent runs vs the quota's floor`,
      x(c.ratio),
      '≤ 1.3×',
      c.ratio <= 1.3 && c.succeeded === c.runs
    ],
    [
      'Bad canary → rolled back (worst)',
      `${(worstDetection / 1000).toFixed(1)} s`,
      `≤ ${(d.targetMs / 1000).toFixed(1)} s`,
      worstDetection <= d.targetMs
    ],
    [
      '20%-failing 10% canary unnoticed in a round',
      `${(missRate * 100).toFixed(1)}%`,
      '≤ 1%',
      low <= 0.01 // consistent with at most 1%: the 95% interval reaches down to it
    ]
  ]
  const table = [
    'what | measured | target',
    '--- | --- | ---',
    ...headline.map(([what, value, target, pass]) => `${what} | ${value} | ${target} ${ok(pass)}`)
  ].join('\n')

  const calls = f.calls
    .map(
      row =>
        `| ${row.scenario} | ${row.calls.length} (${row.calls.join(', ')}) | ${row.minimum.length} | ${row.extra.join('; ') || '—'} |`
    )
    .join('\n')
  const floors = s.floors.map(fl => `${fl.name} ${x(fl.ratio)}`).join('; ')
  const campaign =
    sectionOf(previous) ??
    `${START}\n## Fault campaign\n\nNot run yet: \`npm run test:faults -- --write-docs\`.\n${END}`

  const markdown = `# Benchmarks

Measured by \`npm run bench\` on ${f.date}: ${f.machine}. Every timing is a ratio to a bare \`node -e 0\`
measured beside it (median of ${s.pairs} paired runs), because absolute times depend on the machine.

## Rerun

\`\`\`sh
npm ci
npm run bench            # rewrites this file (all but the fault campaign's section); a few minutes
npm run bench -- --quick # fewer repeats, to try a change
npm run test:faults -- --write-docs   # the fault campaign (500 seeded runs), rewrites its section below
\`\`\`

The benchmark runs the bundled \`dist/\` as the runner does (a child process with \`INPUT_*\` variables)
against the local emulator. It is never a test: nothing fails on a number.

## Headline

${table.replace(/^(.*)$/gm, '| $1 |').replace('| --- | --- | --- |', '| --- | --- | --- |')}

## Start-up

| run | median time | ratio to \`node -e 0\` (${s.bareMs.toFixed(0)} ms) | peak RSS |
| --- | --- | --- | --- |
| invalid input, to its exit | ${s.invalid.ms.toFixed(0)} ms | ${x(s.invalid.ratio)} | ${s.invalid.peakRssMb.toFixed(0)} MB |
| whole plain deploy to an existing stage | ${s.plainDeploy.ms.toFixed(0)} ms | ${x(s.plainDeploy.ratio)} | ${s.plainDeploy.peakRssMb.toFixed(0)} MB |
| full canary deploy (3 steps, probes) | — | — | ${s.canaryPeakRssMb.toFixed(0)} MB |

Where the time goes. A CPU profile of a bad-input run (\`node --cpu-prof dist/index.js\`) showed the start
spent loading \`@actions/core\`: its import graph brings its OIDC HTTP client (undici) and \`@actions/exec\`.
The entry now checks the inputs with no dependency loaded (\`src/runner.ts\` speaks the runner's protocol for
inputs and errors) and loads \`@actions/core\` and the AWS SDK only for valid input, in one lazily imported
chunk. A later profile of the same run (and \`process.moduleLoadList\`) showed a good part of what was left above
bare node in Node's ESM loader itself (its module map, resolver and \`fs/promises\`, which brings streams and
readline): \`dist/\` is now CommonJS (\`scripts/ncc-build.ts\`, ncc's \`esm: false\`), which on this machine took a
bad-input run from 1.59× to the figure above, by the same method.

A deploy cannot avoid loading them. A profile of a plain deploy (\`node --cpu-prof\`) spends most of its time
compiling and initialising that chunk (V8's compilation and the bundle's module
initialisation, then garbage collection), and the libraries, bundled and minified alone the same way, already
take: ${floors}. That is the floor a plain deploy's ratio stands on; what is above it is the credential
chain, four calls to the emulator and this action's own code. The probes use \`node:http\` rather than fetch,
whose first use alone costs Node 20 about 40 MB.

## Size

| file | size |
| --- | --- |
${size.files.map(file => `| dist/${file.name} | ${(file.bytes / 1024).toFixed(0)} KiB |`).join('\n')}
| **all of dist/** | **${mb(size.totalBytes)}** |

\`dist/index.js\` is the entry (${(size.indexBytes / 1024).toFixed(0)} KiB); the chunks load only when reached.
\`scripts/bundle.sh\` minifies the chunks, which ncc leaves unminified; the licenses stay in
\`dist/licenses.txt\`.

## AWS calls per scenario

| scenario | calls made | minimum | why each call above the minimum |
| --- | --- | --- | --- |
${calls}

## Contention

${c.runs} runs at once, each deploying its own stage of one API, with the emulator enforcing one
CreateDeployment per ${c.intervalMs / 1000} s per account (AWS: one per 5 s). ${c.succeeded} of ${c.runs} succeeded in
${(c.totalMs / 1000).toFixed(1)} s; the floor the quota sets (one uncontended run, plus one interval for each run after it)
is ${(c.floorMs / 1000).toFixed(1)} s: **${x(c.ratio)}**. ${c.throttled} CreateDeployment calls were throttled (429) and retried
after their \`Retry-After\`. The quota is not scaled below 1 s: \`Retry-After\` is in whole seconds, so a
finer scale would measure the header's granularity rather than the action.

## Canary detection

- A 10% canary starts failing 20% of its requests 30% into a step's bake (120 s with checks every 15 s,
  scaled down tenfold: 12 s, every ${d.intervalS} s). From the first failing moment to the rollback's completion:
  ${d.detectionMs.map(ms => `${(ms / 1000).toFixed(1)} s`).join(', ')} (median ${(median(d.detectionMs) / 1000).toFixed(1)} s); target one interval plus one probe
  round, ${(d.targetMs / 1000).toFixed(1)} s. Rolled back in ${d.rolledBack} of ${d.detectionMs.length}.
- ${d.repeats} seeded check rounds (${d.probesPerRound} probes each, the count the action sizes for a 10% share) against a 10% canary
  failing 20% of its requests: ${d.missed} passed unnoticed, **${(missRate * 100).toFixed(1)}%** (95% interval
  ${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}%); the sizing targets 1% per round, so a step with several rounds through its
  bake misses far less.

## Probes

${p.probes} probes, ${p.concurrency} at a time, against a local server that answers in 20 ms: ${p.perSecond} probes/s.
Latency as the action reports it: p50 ${p.clientP50} ms, p95 ${p.clientP95} ms; as the server measured its own handling:
p50 ${p.serverP50} ms, p95 ${p.serverP95} ms (the difference is the connection and the client).

${campaign}
`
  return { markdown, table }
}

function sectionOf(text: string): string | undefined {
  const from = text.indexOf(START)
  const to = text.indexOf(END)
  return from >= 0 && to > from ? text.slice(from, to + END.length) : undefined
}
