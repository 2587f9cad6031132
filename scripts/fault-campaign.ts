/**
 * The fault campaign (see __tests__/faults/campaign.ts): end-to-end runs of the bundled action against the
 * emulator with faults injected at random, and the invariants checked after each.
 *
 *   npx tsx scripts/fault-campaign.ts [--seed N] [--runs N] [--workers N] [--first N] [--write-docs] [--dump DIR]
 *
 * Exits 1 if any invariant was violated. --write-docs rewrites only the fault-campaign section of
 * docs/benchmarks.md (between its markers); --dump DIR writes each run that violated one as JSON (plan, logs,
 * state) for diagnosis. Uses dist/ as it is: run `npm run bundle` first if src/ changed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, platform, release } from 'node:os'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  crossCheck,
  formatStats,
  replayCommand,
  runCampaign,
  type CampaignStats
} from '../__tests__/faults/campaign.js'

const DEFAULT_SEED = 20240611
const DOCS = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url))
const START = '<!-- fault-campaign:start -->'
const END = '<!-- fault-campaign:end -->'

function parseArgs(argv: string[]) {
  const args = { seed: DEFAULT_SEED, runs: 500, workers: 2, first: 0, writeDocs: false, dump: '' }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (flag === '--write-docs') {
      args.writeDocs = true
      continue
    }
    if (flag === '--dump' && argv[i + 1]) {
      args.dump = argv[++i]
      continue
    }
    const key = { '--seed': 'seed', '--runs': 'runs', '--workers': 'workers', '--first': 'first' }[flag] as
      'seed' | 'runs' | 'workers' | 'first' | undefined
    const value = Number(argv[++i])
    if (!key || !Number.isInteger(value) || value < (key === 'seed' || key === 'first' ? 0 : 1)) {
      console.error(
        `Usage: npx tsx scripts/fault-campaign.ts [--seed N] [--runs N] [--workers N] [--first N] [--write-docs] [--dump DIR] (bad: ${flag} ${argv[i] ?? ''})`
      )
      process.exit(2)
    }
    args[key] = value
  }
  return args
}

// The SDK warns that Node 20 support ends (GitHub runs the action on node24): noise in the campaign's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const args = parseArgs(process.argv.slice(2))
console.log(
  `Fault campaign: seed ${args.seed}, runs ${args.first}..${args.first + args.runs - 1}, ${args.workers} workers (dist/ as bundled)`
)
const stats = await runCampaign({
  seed: args.seed,
  runs: args.runs,
  workers: args.workers,
  firstRun: args.first,
  dumpDir: args.dump || undefined,
  log: line => console.log(line)
})
console.log(`\n${formatStats(stats)}`)
console.log(`\nReplay one run: ${replayCommand(stats.seed, 'N')}`)
if (args.writeDocs) {
  writeDocs(stats)
  console.log(`Wrote the fault-campaign section of ${DOCS}`)
}
process.exitCode = stats.violations.length > 0 || crossCheck(stats).length > 0 ? 1 : 0

function writeDocs(stats: CampaignStats): void {
  const machine = `${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`
  const command = `npx tsx scripts/fault-campaign.ts --seed ${stats.seed} --runs ${stats.runs} --workers ${stats.workers}${stats.firstRun ? ` --first ${stats.firstRun}` : ''}`
  const section = [
    START,
    '',
    '## Fault campaign',
    '',
    'End-to-end runs of the bundled action against the emulator, each with 1-3 random faults (throttling, 5xx,',
    'conflicts, lost answers, latency, hung calls) and sometimes a SIGTERM or SIGKILL (then the post step), the',
    'invariants checked after each: the stage serves its old or its new deployment, no canary or unused deployment',
    'is left (except as documented), the exit code and message say what happened, and no secret leaks; a',
    "configured stage that deployed has its settings, another stage's deployment (from-stage) is never deleted,",
    'and a deleted stage leaves no deployment only it used while a sibling stage keeps its own. Half the',
    'canaries with a bake are judged on their metrics (canary-analysis, the probes as traffic), half of those',
    'with a fault on GetMetricData too.',
    `Code: \`__tests__/faults/\`.`,
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machine}`,
    `- Seed ${stats.seed}, ${stats.runs} runs, ${stats.workers} workers, ${(stats.durationMs / 1000).toFixed(0)} s`,
    `- Invariant violations: ${stats.violations.length}`,
    '',
    formatStats(stats).trimEnd(),
    '',
    `Rerun: \`${command}\` with the dist/ that is there, or \`npm run test:faults\` to bundle it first (add`,
    `\`--write-docs\` to update this section); one run alone: \`${replayCommand(stats.seed, 'N')}\`.`,
    '',
    END
  ].join('\n')
  const text = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : ''
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  let next: string
  if (start >= 0 && end > start) next = text.slice(0, start) + section + text.slice(end + END.length)
  else if (text) next = `${text.trimEnd()}\n\n${section}\n`
  else next = `${section}\n`
  mkdirSync(dirname(DOCS), { recursive: true })
  writeFileSync(DOCS, next)
}
