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

const SETTINGS: Record<string, [keyof MethodSettingJson, Parser]> = {
  'metrics/enabled': ['metricsEnabled', parseBoolean],
  'logging/loglevel': ['loggingLevel', oneOf('OFF', 'ERROR', 'INFO')],
  'logging/dataTrace': ['dataTraceEnabled', parseBoolean],
  'throttling/burstLimit': ['throttlingBurstLimit', v => parseNumber(v, true)],
  'throttling/rateLimit': ['throttlingRateLimit', v => parseNumber(v)],
  'caching/enabled': ['cachingEnabled', parseBoolean],
  'caching/ttlInSeconds': [
    'cacheTtlInSeconds',
    v => {
      // API cache TTL is 0-3600 seconds (REST API quotas table).
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

/** Parses "/~1pets/GET/metrics/enabled" into key "pets/GET" and setting "metrics/enabled"; undefined if not such a path. */
export function parseMethodSettingPath(path: string): MethodSettingPath | undefined {
  const [, resourcePath, httpMethod, ...rest] = path.split('/')
  if (resourcePath === undefined || httpMethod === undefined) return undefined
  if (resourcePath !== '*' && !resourcePath.startsWith('~1')) return undefined
  if (!METHODS.includes(httpMethod)) return undefined
  const decoded = resourcePath.replace(/~1/g, '/').replace(/~0/g, '~')
  const key = `${decoded === '*' ? '*' : decoded.slice(1)}/${httpMethod}`
  return { key, setting: rest.length > 0 ? rest.join('/') : undefined }
}

export function isKnownSetting(setting: string): boolean {
  return setting in SETTINGS
}

export function setMethodSetting(target: MethodSettingJson, setting: string, value: string): void {
  const [field, parse] = SETTINGS[setting]
  ;(target as unknown as Record<string, unknown>)[field] = parse(value)
}
