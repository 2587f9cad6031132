/** Timing and memory of whole processes, as ratios to a bare node start measured beside them. */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runnerEnv } from '../../__tests__/e2e/run-action.js'

export interface ProcessRun {
  ms: number
  code: number | null
  /** Peak resident set size in MB (from process.resourceUsage() at exit), when asked for. */
  peakRssMb?: number
}

const RSS_PROBE = `process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)))`

/** Runs `node args…` with `env`, timing it from spawn to exit. */
export async function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { rss?: boolean } = {}
): Promise<ProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'))
  const rssFile = join(dir, 'rss')
  const probe = join(dir, 'rss-probe.cjs')
  writeFileSync(probe, RSS_PROBE)
  const extra = options.rss ? { NODE_OPTIONS: `--require ${probe}`, BENCH_RSS_FILE: rssFile } : {}
  const started = performance.now()
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...env, ...extra }, stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', resolve)
  })
  const ms = performance.now() - started
  const peakRssMb = options.rss ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined
  rmSync(dir, { recursive: true, force: true })
  return { ms, code, peakRssMb }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * The median of `pairs` ratios, each `subject / bare node -e 0` timed one right after the other (order
 * alternating), so machine noise hits both sides of a ratio alike.
 */
export async function pairedRatio(
  pairs: number,
  subject: () => Promise<ProcessRun>,
  env: NodeJS.ProcessEnv
): Promise<{ ratio: number; subjectMs: number; bareMs: number }> {
  const ratios: number[] = []
  const subjects: number[] = []
  const bares: number[] = []
  await runNode(['-e', '0'], env) // warm the file cache
  await subject()
  for (let i = 0; i < pairs; i++) {
    const first = i % 2 === 0
    const a = first ? await runNode(['-e', '0'], env) : await subject()
    const b = first ? await subject() : await runNode(['-e', '0'], env)
    const [bare, measured] = first ? [a, b] : [b, a]
    ratios.push(measured.ms / bare.ms)
    subjects.push(measured.ms)
    bares.push(bare.ms)
  }
  return { ratio: median(ratios), subjectMs: median(subjects), bareMs: median(bares) }
}

export const ROOT = new URL('../../', import.meta.url).pathname
export const ACTION = join(ROOT, 'dist/index.js')

/** The environment the runner gives the action (the end-to-end tests' own), with its command files in `dir`. */
export function actionEnv(inputs: Record<string, string>, dir: string): NodeJS.ProcessEnv {
  return runnerEnv(inputs, dir).env
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bench-action-'))
}
