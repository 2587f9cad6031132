/**
 * Health probes against the stage's URL. API Gateway splits canary traffic at random per request, so a
 * step's probes reach the canary and the base deployment alike; every probe counts.
 */
import vm from 'node:vm'
import { fetch, ProxyAgent, type Dispatcher } from 'undici'
import { proxyFor } from '../../aws/proxy.js'
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
export const REGEX_TIMEOUT_MS = 100
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

// The proxy the environment names for the probe URL (the same NO_PROXY rules as the AWS calls), one agent
// per proxy for the whole run; undefined: fetch's own direct connections.
const proxyAgents = new Map<string, Dispatcher>()
function proxyDispatcher(url: string): Dispatcher | undefined {
  const proxy = proxyFor(url)
  if (!proxy) return undefined
  let agent = proxyAgents.get(proxy)
  if (!agent) proxyAgents.set(proxy, (agent = new ProxyAgent(proxy)))
  return agent
}

export async function probe(
  check: HealthCheckInputs,
  url: string,
  signal?: AbortSignal
): Promise<ProbeOutcome> {
  const started = performance.now()
  const timeout = AbortSignal.timeout(check.timeoutMs)
  try {
    const response = await fetch(url, {
      dispatcher: proxyDispatcher(url),
      method: check.method,
      headers: check.headers,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'manual'
    })
    const body = check.method === 'HEAD' ? '' : await response.text()
    return { latencyMs: performance.now() - started, failure: judgeResponse(check, response.status, body) }
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    const reason = timeout.aborted
      ? `no answer within ${check.timeoutMs / 1000} s`
      : describeFetchError(error)
    return { latencyMs: performance.now() - started, failure: reason }
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

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)
}
