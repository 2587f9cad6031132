/**
 * Health probes against the stage's URL. API Gateway splits canary traffic at random per request, so a
 * step's probes reach the canary and the base deployment alike; every probe counts.
 */
import vm from 'node:vm'
import http, { type Agent } from 'node:http'
import https from 'node:https'
import { proxyAgents } from '../../aws/proxy.js'
import type { HealthCheckInputs } from '../../inputs/index.js'
import type { LatencySummary } from '../../report/result.js'
import { formatStatusRanges, statusMatches } from './status-ranges.js'

export interface ProbeOutcome {
  latencyMs: number
  /** Why the probe failed; undefined when it passed. */
  failure?: string
}

export interface ProbeBatch {
  probes: number
  failures: number
  latencyMs?: LatencySummary
  /** A few failure reasons, for the log. */
  samples: string[]
}

export function healthCheckUrl(check: HealthCheckInputs, invokeUrl: string): string {
  return check.url ?? `${invokeUrl}${check.path ?? ''}`
}

/** Judges one response against the expectations; returns why it failed, or undefined. */
export function judgeResponse(check: HealthCheckInputs, status: number, body: string): string | undefined {
  if (!statusMatches(status, check.expectedStatus))
    return `status ${status}, expected ${formatStatusRanges(check.expectedStatus)}`
  if (check.bodyContains) {
    const found = check.bodyContains.regex
      ? matchBounded(check.bodyContains.regex, body)
      : body.includes(check.bodyContains.text)
    if (found === 'timeout')
      return `health-check-body-contains took longer than ${REGEX_TIMEOUT_MS} ms to match (a runaway regular expression)`
    if (!found) return `body does not contain ${check.bodyContains.text}`
  }
  return undefined
}

/** How long a user's regular expression may run on one body before the probe counts as failed. */
const REGEX_TIMEOUT_MS = 100
// One script and context for every match, made on first use: a context costs about 2 ms to make.
let matcher: { script: vm.Script; sandbox: vm.Context } | undefined

/**
 * JavaScript's regular expressions backtrack, so a pattern like /(a+)+$/ can run for hours on a short
 * body. The match runs in a vm context whose timeout interrupts it (no dependency, no native code).
 */
export function matchBounded(regex: RegExp, body: string): boolean | 'timeout' {
  try {
    matcher ??= { script: new vm.Script('regex.test(body)'), sandbox: vm.createContext({}) }
    Object.assign(matcher.sandbox, { regex, body })
    return matcher.script.runInContext(matcher.sandbox, { timeout: REGEX_TIMEOUT_MS }) === true
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout'
    throw error
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export function summarize(outcomes: ProbeOutcome[]): ProbeBatch {
  const latencies = outcomes.map(o => o.latencyMs).sort((a, b) => a - b)
  const failed = outcomes.filter(o => o.failure !== undefined)
  return {
    probes: outcomes.length,
    failures: failed.length,
    latencyMs:
      latencies.length > 0
        ? {
            p50: Math.round(percentile(latencies, 50)),
            p95: Math.round(percentile(latencies, 95)),
            max: Math.round(latencies[latencies.length - 1])
          }
        : undefined,
    samples: [...new Set(failed.map(o => o.failure as string))].slice(0, 5)
  }
}

// The agents for a probe URL: through the proxy the environment names (the same agents and NO_PROXY rules
// as the AWS calls), else Node's keep-alive global agents. Made once per URL for the whole run.
const agents = new Map<string, Agent | undefined>()
function agentFor(url: URL): Agent | undefined {
  const key = `${url.protocol}//${url.host}`
  if (!agents.has(key)) {
    const proxied = proxyAgents(key)
    agents.set(
      key,
      proxied ? (url.protocol === 'https:' ? proxied.httpsAgent : proxied.httpAgent) : undefined
    )
  }
  return agents.get(key)
}

/** What a probe reads of an answer: enough to judge it, bounded so a huge body cannot exhaust memory. */
const MAX_BODY_BYTES = 1 << 20

/**
 * One request with node:http(s), not fetch: fetch's first use costs Node 20 about 40 MB, the difference
 * between a canary deploy under 100 MB and over it (docs/benchmarks.md). Redirects are not followed.
 */
function send(
  url: string,
  options: { method: string; headers: Record<string, string>; signal: AbortSignal }
): Promise<{ status: number; body: string }> {
  const target = new URL(url)
  const client = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(target, { ...options, agent: agentFor(target) }, response => {
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk)
        size += chunk.length
      })
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8')
        })
      )
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  })
}

export async function probe(
  check: HealthCheckInputs,
  url: string,
  signal?: AbortSignal
): Promise<ProbeOutcome> {
  const started = performance.now()
  // One controller per probe, detached from the run's signal when done: AbortSignal.any would keep every
  // probe's signal alive on the run's signal for the whole run.
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new Error('probe timed out'))
  }, check.timeoutMs)
  const onCancel = (): void => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onCancel, { once: true })
  try {
    const response = await send(url, {
      method: check.method,
      headers: check.headers,
      signal: controller.signal
    })
    const body = check.method === 'HEAD' ? '' : response.body
    return { latencyMs: performance.now() - started, failure: judgeResponse(check, response.status, body) }
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    const reason = timedOut ? `no answer within ${check.timeoutMs / 1000} s` : describeRequestError(error)
    return { latencyMs: performance.now() - started, failure: reason }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onCancel)
  }
}

/** Sends `count` probes, `concurrency` at a time. */
export async function runProbes(
  check: HealthCheckInputs,
  url: string,
  count: number,
  signal?: AbortSignal
): Promise<ProbeOutcome[]> {
  const outcomes: ProbeOutcome[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++
      outcomes.push(await probe(check, url, signal))
    }
  }
  await Promise.all(Array.from({ length: Math.min(check.concurrency, count) }, worker))
  return outcomes
}

/** A failed request in a word or two: Node's error code (ECONNREFUSED, ECONNRESET, ...) or its message. */
function describeRequestError(error: unknown): string {
  const e = error as { code?: string; message?: string }
  return e?.code ?? e?.message ?? String(error)
}
