/** What judges a release while it bakes: health probes against the stage, and CloudWatch alarms. */
import { parseStatusRanges, type StatusRange } from '../canary/checks/status-ranges.js'
import { readCanaryAnalysis, type CanaryAnalysisInputs } from './canary-analysis.js'
import { splitLines, type Readers } from './readers.js'

export interface HealthCheckInputs {
  /** Full URL; when undefined, `path` is appended to the stage's invoke URL. */
  url?: string
  path?: string
  method: string
  headers: Record<string, string>
  expectedStatus: StatusRange[]
  bodyContains?: { text: string; regex?: RegExp }
  timeoutMs: number
  probes: number
  concurrency: number
  maxFailureRatio: number
}

export type HealthCheckTarget = 'invoke-url' | 'base-url'

export interface CheckInputs {
  healthCheck?: HealthCheckInputs
  /** Which URL `health-check-path` is appended to: the stage's own, or the custom domain's. */
  target: HealthCheckTarget
  alarmNames: string[]
  /** How long the checks run: each canary step's bake, or after a plain switch. */
  bakeSeconds: number
  /** How often the checks run during a bake (probes sent, alarms read). */
  intervalSeconds: number
  /** The canary judged on its CloudWatch metrics against the base's (canary-analysis: true). */
  analysis?: CanaryAnalysisInputs
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
// RFC 9110 5.1 (token) for names; values are visible ASCII or above, spaces and tabs (5.5), no CR/LF/NUL.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,256}$/
// eslint-disable-next-line no-control-regex
const HEADER_VALUE_FORBIDDEN = /[\x00-\x08\x0a-\x1f\x7f]/
const MAX_HEADER_VALUE = 8192
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html: 1 to 255 chars.
const MAX_ALARM_NAME = 255

export function readChecks(read: Readers): CheckInputs {
  const alarmNames = read.list('alarm-names')
  for (const name of alarmNames)
    if (name.length > MAX_ALARM_NAME)
      read.problems.add(
        `Input "alarm-names": "${name.slice(0, 40)}…" is longer than CloudWatch's ${MAX_ALARM_NAME} characters.`
      )
  return {
    healthCheck: readHealthCheck(read),
    target: read.oneOf<HealthCheckTarget>('health-check-target', ['invoke-url', 'base-url'], 'invoke-url'),
    alarmNames,
    bakeSeconds: read.number('bake-time', 0, 0, 6 * 3600, true),
    intervalSeconds: read.number('health-check-interval', 15, 1, 3600),
    analysis: readCanaryAnalysis(read)
  }
}

function readHealthCheck(read: Readers): HealthCheckInputs | undefined {
  const { problems } = read
  const url = read.httpUrl('health-check-url')
  const path = read.get('health-check-path')
  if (path && !path.startsWith('/')) problems.bad('health-check-path', path, 'must start with "/".')
  else if (path && leavesTheStage(path))
    problems.bad('health-check-path', path, 'must stay inside the stage: no "." or ".." segments.')
  if (url && path)
    problems.add('Inputs "health-check-url" and "health-check-path": set one of them, not both.')
  const method = (read.get('health-check-method') || 'GET').toUpperCase()
  if (!HTTP_METHODS.includes(method))
    problems.bad('health-check-method', method, `is not one of ${HTTP_METHODS.join(', ')}.`)

  const headers = readHeaders(read)
  const statusRaw = read.get('health-check-expected-status') || '200-399'
  const expectedStatus = parseStatusRanges(statusRaw)
  if (!expectedStatus)
    problems.bad(
      'health-check-expected-status',
      statusRaw,
      'must list HTTP status codes or ranges, like "200-299,304".'
    )
  const bodyContains = readBodyContains(read)
  const timeoutMs = read.number('health-check-timeout', 5, 0.1, 300) * 1000
  const probes = read.number('health-check-probes', 10, 1, 10000, true)
  const concurrency = read.number('health-check-concurrency', 4, 1, 64, true)
  const maxFailureRatio = read.number('health-check-max-failure-ratio', 0, 0, 1)
  if (!url && !path) return undefined
  return {
    url,
    path: path || undefined,
    method,
    headers,
    expectedStatus: expectedStatus ?? [],
    bodyContains,
    timeoutMs,
    probes,
    concurrency,
    maxFailureRatio
  }
}

/** `Name: value` lines. Values are never echoed in a problem: headers often carry tokens. */
function readHeaders(read: Readers): Record<string, string> {
  const headers: Record<string, string> = {}
  splitLines(read.get('health-check-headers')).forEach((line, index) => {
    const colon = line.indexOf(':')
    const name = colon < 0 ? '' : line.slice(0, colon).trim()
    const value = colon < 0 ? '' : line.slice(colon + 1).trim()
    const where = `Input "health-check-headers", line ${index + 1}`
    if (!HEADER_NAME.test(name))
      read.problems.add(
        `${where}: must be "Name: value" with a valid header name (letters, digits, -, at most 256).`
      )
    else if (HEADER_VALUE_FORBIDDEN.test(value))
      read.problems.add(
        `${where}: the value of ${name} contains control characters, which HTTP does not allow.`
      )
    else if (value.length > MAX_HEADER_VALUE)
      read.problems.add(`${where}: the value of ${name} is longer than ${MAX_HEADER_VALUE} characters.`)
    else headers[name] = value
  })
  return headers
}

function readBodyContains(read: Readers): HealthCheckInputs['bodyContains'] {
  const raw = read.get('health-check-body-contains')
  if (!raw) return undefined
  const asRegex = /^\/(.+)\/([a-z]*)$/.exec(raw)
  if (!asRegex) return { text: raw }
  // g and y make a RegExp remember where it stopped, so one probe's match would move the next one's start.
  const flags = asRegex[2].replace(/[gy]/g, '')
  try {
    return { text: raw, regex: new RegExp(asRegex[1], flags) }
  } catch (e) {
    return read.problems.bad(
      'health-check-body-contains',
      raw,
      `is not a valid regular expression: ${(e as Error).message}.`
    )
  }
}

/** Whether a path has a `.` or `..` segment (also percent-encoded), which would leave the stage's prefix. */
function leavesTheStage(path: string): boolean {
  return path
    .split(/[?#]/)[0]
    .split('/')
    .some(segment => /^(\.|%2e){1,2}$/i.test(segment))
}
