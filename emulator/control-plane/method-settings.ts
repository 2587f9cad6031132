import { badRequest } from '../http/errors.js'
import type { MethodSettingJson } from './types.js'

// Stage method settings addressed by UpdateStage paths /{resourcePath}/{httpMethod}/{setting}, with '/'
// in the resource path escaped as '~1' and "/*/*" meaning all methods. Setting names and the stored keys
// (e.g. "*/*", "pets/GET") follow https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html
// and https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html.

// Defaults AWS fills in for every field once a method-setting key exists.
export function defaultMethodSetting(): MethodSettingJson {
  return {
    metricsEnabled: false,
    loggingLevel: 'OFF',
    dataTraceEnabled: false,
    throttlingBurstLimit: 5000,
    throttlingRateLimit: 10000,
    cachingEnabled: false,
    cacheTtlInSeconds: 300,
    cacheDataEncrypted: false,
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER'
  }
}

type Parser = (value: string) => MethodSettingJson[keyof MethodSettingJson]

export function parseBoolean(value: string): boolean {
  if (value === 'true') return true
  if (value === 'false') return false
  throw badRequest(`Invalid boolean value: ${value}`)
}

export function parseNumber(value: string, integer = false): number {
  const n = value.trim() === '' ? NaN : Number(value)
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw badRequest(`Invalid numeric value: ${value}`)
  }
  return n
}

const oneOf =
  (...allowed: string[]): Parser =>
  value => {
    if (!allowed.includes(value)) {
      throw badRequest(`Invalid value ${value}. Must be one of: ${allowed.join(', ')}`)
    }
    return value
  }

/**
 * Throttling limits: a rate (requests per second, decimals allowed) and a whole burst. -1 is accepted: it is
 * what Terraform sends to mean "no stage-level throttling" (hashicorp/terraform-provider-aws#14266, run
 * against AWS in its acceptance tests). Other negatives are refused with the emulator's message: AWS's is
 * not on record.
 */
const throttle =
  (name: string, integer: boolean): Parser =>
  value => {
    const n = parseNumber(value, integer)
    if (n < 0 && n !== -1)
      throw badRequest(`Invalid throttling ${name} limit: ${value}. Must not be negative`)
    return n
  }

const SETTINGS: Record<string, [keyof MethodSettingJson, Parser]> = {
  'metrics/enabled': ['metricsEnabled', parseBoolean],
  'logging/loglevel': ['loggingLevel', oneOf('OFF', 'ERROR', 'INFO')],
  'logging/dataTrace': ['dataTraceEnabled', parseBoolean],
  'throttling/burstLimit': ['throttlingBurstLimit', throttle('burst', true)],
  'throttling/rateLimit': ['throttlingRateLimit', throttle('rate', false)],
  'caching/enabled': ['cachingEnabled', parseBoolean],
  'caching/ttlInSeconds': [
    'cacheTtlInSeconds',
    v => {
      // "The maximum TTL value is 3600 seconds. TTL=0 means caching is disabled."
      // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html)
      const ttl = parseNumber(v, true)
      if (ttl < 0 || ttl > 3600) throw badRequest('Cache ttl must be between 0 and 3600 seconds')
      return ttl
    }
  ],
  'caching/dataEncrypted': ['cacheDataEncrypted', parseBoolean],
  'caching/requireAuthorizationForCacheControl': ['requireAuthorizationForCacheControl', parseBoolean],
  'caching/unauthorizedCacheControlHeaderStrategy': [
    'unauthorizedCacheControlHeaderStrategy',
    oneOf('FAIL_WITH_403', 'SUCCEED_WITH_RESPONSE_HEADER', 'SUCCEED_WITHOUT_RESPONSE_HEADER')
  ]
}

const METHODS = ['*', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY']

interface MethodSettingPath {
  key: string
  setting?: string
}

/**
 * Parses "/~1pets/GET/metrics/enabled" into key "pets/GET" and setting "metrics/enabled"; undefined if not
 * such a path. AWS also takes a one-segment resource path without the escaped leading slash: "/test/GET/..."
 * sets key "test/GET" (LocalStack's AWS snapshot "update-stage" of test_create_update_stages).
 */
export function parseMethodSettingPath(path: string): MethodSettingPath | undefined {
  const [, resourcePath, httpMethod, ...rest] = path.split('/')
  if (!resourcePath || httpMethod === undefined) return undefined
  if (!METHODS.includes(httpMethod)) return undefined
  const decoded = resourcePath.replace(/~1/g, '/').replace(/~0/g, '~')
  const key = `${decoded === '*' ? '*' : decoded.replace(/^\//, '')}/${httpMethod}`
  return { key, setting: rest.length > 0 ? rest.join('/') : undefined }
}

/**
 * The settings a method starts with when its key is first set: a copy of the stage-wide "*\/*" entry if
 * there is one, else AWS's defaults. In AWS's snapshot "update-stage" (see above) "test/GET", created after
 * "*\/*" got caching enabled, shows cachingEnabled true too; "*\/*" changed later does not reach it
 * ("update-stage-override").
 */
export function initialMethodSetting(
  settings: Record<string, MethodSettingJson>,
  key: string
): MethodSettingJson {
  const stageWide = key === '*/*' ? undefined : settings['*/*']
  return stageWide ? { ...stageWide } : defaultMethodSetting()
}

/** Whether setting `setting` to `value` turns on execution logging, which needs the account's role. */
export function enablesLogging(setting: string, value: string): boolean {
  return (
    (setting === 'logging/loglevel' && (value === 'ERROR' || value === 'INFO')) ||
    (setting === 'logging/dataTrace' && value === 'true')
  )
}

export function isKnownSetting(setting: string): boolean {
  return setting in SETTINGS
}

export function setMethodSetting(target: MethodSettingJson, setting: string, value: string): void {
  const [field, parse] = SETTINGS[setting]
  ;(target as unknown as Record<string, unknown>)[field] = parse(value)
}
