/**
 * The per-method settings a stage carries (AWS's MethodSetting), under the names the inputs give them and
 * the UpdateStage paths that set them: /{resourcePath}/{httpMethod}/{setting}, "/*\/*" for the whole stage.
 * https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html (Stage) and
 * https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html
 */
import { parseBoolean, parseDecimal } from '../inputs/readers.js'

export const LOGGING_LEVELS = ['OFF', 'ERROR', 'INFO'] as const
export type LoggingLevel = (typeof LOGGING_LEVELS)[number]

/** A method's settings as the run wants them; a field left out is not changed. */
export interface MethodSettings {
  throttlingRateLimit?: number
  throttlingBurstLimit?: number
  cachingEnabled?: boolean
  cacheTtlInSeconds?: number
  cacheDataEncrypted?: boolean
  loggingLevel?: LoggingLevel
  dataTraceEnabled?: boolean
  metricsEnabled?: boolean
}

export interface MethodSettingField {
  /** The workflow input (stage-wide) and the key inside `method-settings`. */
  input: string
  field: keyof MethodSettings
  /** The setting's part of the UpdateStage path. */
  path: string
  /** The value, or undefined when it breaks `rule`. */
  parse(raw: string): MethodSettings[keyof MethodSettings] | undefined
  rule: string
}

// Throttling: "can't exceed the account-level limits" (API Gateway quotas, 10,000 rps by default, raisable).
// The bound here only catches a typo; AWS refuses what exceeds the account's own limit.
const MAX_THROTTLE = 1_000_000
// Cache TTL: 0 to 3600 seconds (REST API quotas table, "API caching TTL").
const MAX_CACHE_TTL = 3600

const number =
  (max: number, whole: boolean) =>
  (raw: string): number | undefined => {
    const value = parseDecimal(raw, whole)
    return value !== undefined && value >= 0 && value <= max ? value : undefined
  }

export const METHOD_SETTING_FIELDS: readonly MethodSettingField[] = [
  {
    input: 'throttling-rate-limit',
    field: 'throttlingRateLimit',
    path: 'throttling/rateLimit',
    parse: number(MAX_THROTTLE, false),
    rule: `must be requests per second from 0 to ${MAX_THROTTLE} (decimals allowed).`
  },
  {
    input: 'throttling-burst-limit',
    field: 'throttlingBurstLimit',
    path: 'throttling/burstLimit',
    parse: number(MAX_THROTTLE, true),
    rule: `must be a whole number of requests from 0 to ${MAX_THROTTLE}.`
  },
  {
    input: 'caching-enabled',
    field: 'cachingEnabled',
    path: 'caching/enabled',
    parse: parseBoolean,
    rule: 'must be true or false.'
  },
  {
    input: 'cache-ttl',
    field: 'cacheTtlInSeconds',
    path: 'caching/ttlInSeconds',
    parse: number(MAX_CACHE_TTL, true),
    rule: `must be whole seconds from 0 to ${MAX_CACHE_TTL}.`
  },
  {
    input: 'cache-data-encrypted',
    field: 'cacheDataEncrypted',
    path: 'caching/dataEncrypted',
    parse: parseBoolean,
    rule: 'must be true or false.'
  },
  {
    input: 'logging-level',
    field: 'loggingLevel',
    path: 'logging/loglevel',
    parse: raw => ((LOGGING_LEVELS as readonly string[]).includes(raw) ? (raw as LoggingLevel) : undefined),
    rule: `is not one of: ${LOGGING_LEVELS.join(', ')}.`
  },
  {
    input: 'data-trace',
    field: 'dataTraceEnabled',
    path: 'logging/dataTrace',
    parse: parseBoolean,
    rule: 'must be true or false.'
  },
  {
    input: 'metrics-enabled',
    field: 'metricsEnabled',
    path: 'metrics/enabled',
    parse: parseBoolean,
    rule: 'must be true or false.'
  }
]

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html (cacheClusterSize)
export const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const
export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number]
