import { badRequest, limitExceeded } from '../http/errors.js'
import type { ApiEntry, Store } from './state.js'
import type { StringMap } from './types.js'

// Stage names: "alphanumeric characters, hyphens, and underscores. Maximum length is 128 characters."
// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html
export function validateStageName(name: string): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw badRequest('Stage name only allows a-zA-Z0-9_-')
}

// "Variable names can have alphanumeric and underscore characters, and the values must match
// [A-Za-z0-9-._~:/?#&=,]+" (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html);
// 100 variables per stage, keys up to 64 and values up to 512 characters
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html).
const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/

export function validateVariable(name: string, value: string): void {
  if (!VARIABLE_NAME.test(name)) {
    throw badRequest(
      `Invalid stage variable name: ${name}. Names may only contain alphanumeric characters and underscores`
    )
  }
  if (!VARIABLE_VALUE.test(value)) {
    throw badRequest(`Invalid stage variable value: ${value}. Values must match [A-Za-z0-9-._~:/?#&=,]+`)
  }
}

export function validateVariables(variables: StringMap | undefined): void {
  if (!variables) return
  for (const [name, value] of Object.entries(variables)) validateVariable(name, value)
  if (Object.keys(variables).length > 100) throw badRequest('A stage can have at most 100 stage variables')
}

// Valid cacheClusterSize values: https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html
const CACHE_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237']

export function validateCacheClusterSize(size: string | undefined): void {
  if (size !== undefined && !CACHE_SIZES.includes(size)) {
    throw badRequest(`Invalid cache cluster size specified: ${size}. Valid values: ${CACHE_SIZES.join(', ')}`)
  }
}

// "The percent (0-100) of traffic diverted to a canary deployment":
// https://docs.aws.amazon.com/apigateway/latest/api/API_CanarySettings.html
export function validatePercentTraffic(percent: number): void {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw badRequest('Canary traffic percentage must be between 0.0 and 100.0')
  }
}

/**
 * Stages per API: 10 by default (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html).
 * API Gateway reports resource-count quotas as 429 LimitExceededException with a "Maximum number of ...
 * has been reached" message (seen for Resources per API in hashicorp/terraform-provider-aws#37605); the
 * stage wording here follows that pattern.
 */
export function checkStageQuota(store: Store, entry: ApiEntry): void {
  if (entry.stages.size >= store.quotas.stagesPerApi) {
    throw limitExceeded(
      'Maximum number of Stages for this API has been reached.  Please contact AWS if you need additional Stages.'
    )
  }
}

/** Keeps optional maps out of responses once they are empty, as AWS omits them. */
export function nonEmpty(map: StringMap | undefined): StringMap | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined
}

/**
 * AWS refuses an UpdateStage with too many operations ("Update size too large. Try updating stage in
 * multiple UpdateStage operations", DianaIonita/serverless-api-gateway-caching#46). It publishes no limit:
 * the quota (default 80, what that plugin settled on per call) is a reconstruction. Checked before any
 * operation applies, so nothing changes.
 */
export function checkPatchSize(store: Store, operations: number): void {
  if (operations > store.quotas.patchOperationsPerUpdate) {
    throw badRequest('Update size too large. Try updating stage in multiple UpdateStage operations')
  }
}
