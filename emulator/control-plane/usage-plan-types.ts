import type { StringMap } from './types.js'

// Wire shapes of usage plans and API keys, as API Gateway returns them in JSON
// (https://docs.aws.amazon.com/apigateway/latest/api/API_UsagePlan.html,
// https://docs.aws.amazon.com/apigateway/latest/api/API_ApiKey.html, API_UsagePlanKey.html).

export interface ThrottleJson {
  burstLimit?: number
  rateLimit?: number
}

export interface QuotaJson {
  limit?: number
  offset?: number
  period?: string
}

export interface ApiStageJson {
  apiId: string
  stage: string
  throttle?: Record<string, ThrottleJson>
}

export interface UsagePlanJson {
  id: string
  name: string
  description?: string
  apiStages: ApiStageJson[]
  throttle?: ThrottleJson
  quota?: QuotaJson
  productCode?: string
  tags?: StringMap
}

export interface ApiKeyJson {
  id: string
  value: string
  name: string
  customerId?: string
  description?: string
  enabled: boolean
  createdDate: number
  lastUpdatedDate: number
  stageKeys: string[]
  tags?: StringMap
}

export interface UsagePlanEntry {
  plan: UsagePlanJson
  /** Ids of the API keys in the plan (its usage plan keys), in the order they were added. */
  keyIds: string[]
}
