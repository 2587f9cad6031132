/**
 * Every workflow input, parsed and validated in one place, before any AWS code is loaded.
 * Problems are collected so that one run reports all of them at once.
 */
import { InputError } from './errors.js'
import { parseStatusRanges, type StatusRange } from './status-ranges.js'

export type Command = 'deploy' | 'promote-canary' | 'rollback-canary'
export type ExistingCanaryPolicy = 'fail' | 'replace'

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

export interface CanaryInputs {
  /** Traffic percentages in order: the first creates the canary, each later one shifts traffic to it. */
  steps: number[]
  stageVariables: Record<string, string>
  useStageCache: boolean
  bakeSeconds: number
  promote: boolean
}

export interface Inputs {
  command: Command
  api: { id: string } | { name: string }
  stageName: string
  stageDescription?: string
  deploymentDescription?: string
  stageVariables: Record<string, string>
  region: string
  endpointUrl?: string
  cloudwatchEndpointUrl?: string
  retryDeadlineSeconds: number
  canaryExisting: ExistingCanaryPolicy
  canary?: CanaryInputs
  healthCheck?: HealthCheckInputs
  alarmNames: string[]
}

/** Reads one input as the runner passes it (`core.getInput` semantics: trimmed, '' when unset). */
export type InputReader = (name: string) => string

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html (stageName)
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/
// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html (variables): names are
// alphanumeric or underscore, values match [A-Za-z0-9-._~:/?#&=,]+. Quotas page ("API Gateway quotas for
// configuring and running a REST API"): 100 variables per stage, 64 characters a name, 512 a value.
const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/
const MAX_VARIABLES = 100
const REST_API_ID = /^[a-z0-9]{1,32}$/
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

export function readInputs(
  get: InputReader,
  env: { AWS_REGION?: string; AWS_DEFAULT_REGION?: string }
): Inputs {
  const problems: string[] = []
  const bad = (input: string, value: string, rule: string): undefined => {
    problems.push(`Input "${input}": ${JSON.stringify(value)} ${rule}`)
    return undefined
  }

  const oneOf = <T extends string>(input: string, allowed: readonly T[], fallback: T): T => {
    const value = get(input)
    if (value === '') return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    bad(input, value, `is not one of: ${allowed.join(', ')}.`)
    return fallback
  }

  const number = (input: string, fallback: number, min: number, max: number, integer = false): number => {
    const raw = get(input)
    if (raw === '') return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      bad(input, raw, `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`)
      return fallback
    }
    return value
  }

  const boolean = (input: string, fallback: boolean): boolean => {
    const raw = get(input)
    if (raw === '') return fallback
    // The YAML 1.2 core schema's booleans, as core.getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(raw)) return true
    if (['false', 'False', 'FALSE'].includes(raw)) return false
    bad(input, raw, 'must be true or false.')
    return fallback
  }

  const httpUrl = (input: string): string | undefined => {
    const raw = get(input)
    if (raw === '') return undefined
    try {
      const url = new URL(raw)
      if (url.protocol === 'http:' || url.protocol === 'https:') return raw.replace(/\/+$/, '')
    } catch {
      // reported below
    }
    return bad(input, raw, 'must be an http:// or https:// URL.')
  }

  const variables = (input: string): Record<string, string> => {
    const result: Record<string, string> = {}
    for (const line of lines(get(input))) {
      const eq = line.indexOf('=')
      const name = eq < 0 ? line : line.slice(0, eq).trim()
      const value = eq < 0 ? '' : line.slice(eq + 1).trim()
      if (eq < 0) bad(input, line, 'must be a NAME=value line.')
      else if (!VARIABLE_NAME.test(name))
        bad(input, name, 'is not a valid stage variable name: use letters, digits and _, at most 64.')
      else if (!VARIABLE_VALUE.test(value))
        bad(
          input,
          value,
          `(variable ${name}) is not a valid stage variable value: 1 to 512 characters of letters, digits and -._~:/?#&=,`
        )
      else if (name in result) bad(input, name, 'is set twice.')
      else result[name] = value
    }
    if (Object.keys(result).length > MAX_VARIABLES)
      problems.push(
        `Input "${input}": API Gateway allows at most ${MAX_VARIABLES} stage variables per stage.`
      )
    return result
  }

  const command = oneOf<Command>('command', ['deploy', 'promote-canary', 'rollback-canary'], 'deploy')

  const apiId = get('rest-api-id')
  const apiName = get('rest-api-name')
  let api: Inputs['api'] = { id: '' }
  if (apiId && apiName) problems.push('Inputs "rest-api-id" and "rest-api-name": set one of them, not both.')
  else if (!apiId && !apiName)
    problems.push('Inputs "rest-api-id" and "rest-api-name": one is required (the REST API to deploy).')
  else if (apiId && !REST_API_ID.test(apiId))
    bad('rest-api-id', apiId, 'is not a REST API id (lowercase letters and digits, like "a1b2c3d4e5").')
  else api = apiId ? { id: apiId } : { name: apiName }

  const stageName = get('stage-name')
  if (stageName === '') problems.push('Input "stage-name" is required.')
  else if (!STAGE_NAME.test(stageName))
    bad(
      'stage-name',
      stageName,
      'is not a valid stage name: use letters, digits, - and _, at most 128 characters.'
    )

  const region = get('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  if (region === '')
    problems.push(
      'Input "aws-region" is required: set it, or set AWS_REGION (aws-actions/configure-aws-credentials does).'
    )
  else if (!REGION.test(region)) bad('aws-region', region, 'is not an AWS region name (like "us-east-1").')

  const endpointUrl = httpUrl('endpoint-url')
  const cloudwatchEndpointUrl = httpUrl('cloudwatch-endpoint-url') ?? endpointUrl

  const stageVariables = variables('stage-variables')
  const canaryStageVariables = variables('canary-stage-variables')

  const canary = readCanary()
  const healthCheck = readHealthCheck()
  const alarmNames = list(get('alarm-names'))

  if (command === 'deploy' && !canary) {
    if (healthCheck)
      problems.push(
        'Inputs "health-check-*" need a canary: set "canary-percent" (100 checks the new deployment with all traffic before promoting it).'
      )
    if (alarmNames.length > 0)
      problems.push(
        'Input "alarm-names" needs a canary: set "canary-percent" to watch alarms during its bake.'
      )
    if (Object.keys(canaryStageVariables).length > 0)
      problems.push('Input "canary-stage-variables" needs a canary: set "canary-percent".')
  }

  const retryDeadlineSeconds = number('retry-deadline-seconds', 120, 1, 3600, true)
  const canaryExisting = oneOf<ExistingCanaryPolicy>('canary-existing', ['fail', 'replace'], 'fail')

  if (problems.length > 0) throw new InputError(problems)

  return {
    command,
    api,
    stageName,
    stageDescription: get('stage-description') || undefined,
    deploymentDescription: get('deployment-description') || undefined,
    stageVariables,
    region,
    endpointUrl,
    cloudwatchEndpointUrl,
    retryDeadlineSeconds,
    canaryExisting,
    canary,
    healthCheck,
    alarmNames
  }

  function readCanary(): CanaryInputs | undefined {
    const percentRaw = get('canary-percent')
    const stepsRaw = get('canary-steps')
    const bakeSeconds = number('bake-time', 0, 0, 6 * 3600, true)
    const useStageCache = boolean('canary-use-stage-cache', false)
    const promote = boolean('promote', true)
    if (percentRaw === '' && stepsRaw === '') return undefined

    const percent = (input: string, raw: string): number | undefined => {
      const value = Number(raw)
      // percentTraffic is a double from 0.0 to 100.0; 0 would send the canary nothing.
      if (raw === '' || !Number.isFinite(value) || value <= 0 || value > 100)
        return bad(input, raw, 'must be a percentage greater than 0 and at most 100 (decimals allowed).')
      return value
    }
    const steps: number[] = []
    if (percentRaw !== '') {
      const first = percent('canary-percent', percentRaw)
      if (first !== undefined) steps.push(first)
    }
    for (const raw of list(stepsRaw)) {
      const value = percent('canary-steps', raw)
      if (value === undefined || value === steps[0]) continue
      if (steps.length > 0 && value <= steps[steps.length - 1])
        bad(
          'canary-steps',
          stepsRaw,
          `must increase step by step, each above "canary-percent" (${percentRaw}).`
        )
      else steps.push(value)
    }
    return { steps, stageVariables: canaryStageVariables, useStageCache, bakeSeconds, promote }
  }

  function readHealthCheck(): HealthCheckInputs | undefined {
    const url = httpUrl('health-check-url')
    const path = get('health-check-path')
    if (path && !path.startsWith('/')) bad('health-check-path', path, 'must start with "/".')
    if (url && path)
      problems.push('Inputs "health-check-url" and "health-check-path": set one of them, not both.')
    const method = (get('health-check-method') || 'GET').toUpperCase()
    if (!HTTP_METHODS.includes(method))
      bad('health-check-method', method, `is not one of ${HTTP_METHODS.join(', ')}.`)

    const headers: Record<string, string> = {}
    for (const line of lines(get('health-check-headers'))) {
      const colon = line.indexOf(':')
      const name = colon < 0 ? '' : line.slice(0, colon).trim()
      // The value is not echoed: headers often carry tokens.
      if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name))
        problems.push(
          'Input "health-check-headers": each line must be "Name: value" with a valid header name.'
        )
      else headers[name] = line.slice(colon + 1).trim()
    }

    const statusRaw = get('health-check-expected-status') || '200-399'
    const expectedStatus = parseStatusRanges(statusRaw)
    if (!expectedStatus)
      bad(
        'health-check-expected-status',
        statusRaw,
        'must list HTTP status codes or ranges, like "200-299,304".'
      )

    const bodyRaw = get('health-check-body-contains')
    let bodyContains: HealthCheckInputs['bodyContains']
    if (bodyRaw) {
      const asRegex = /^\/(.+)\/([a-z]*)$/.exec(bodyRaw)
      try {
        bodyContains = { text: bodyRaw, regex: asRegex ? new RegExp(asRegex[1], asRegex[2]) : undefined }
      } catch (e) {
        bad(
          'health-check-body-contains',
          bodyRaw,
          `is not a valid regular expression: ${(e as Error).message}.`
        )
      }
    }

    const timeoutMs = number('health-check-timeout', 5, 0.1, 300) * 1000
    const probes = number('health-check-probes', 10, 1, 10000, true)
    const concurrency = number('health-check-concurrency', 4, 1, 64, true)
    const maxFailureRatio = number('health-check-max-failure-ratio', 0, 0, 1)
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
}

/** Non-empty trimmed lines of a multiline input. */
function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

/** A list given as lines or commas. */
function list(value: string): string[] {
  return lines(value.replace(/,/g, '\n'))
}
