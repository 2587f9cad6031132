import { badRequest } from '../http/errors.js'
import type { Handler, Route } from '../http/router.js'
import { parsePatchOperations } from './stage-patch.js'
import type { Store } from './state.js'

// The account's API Gateway settings in this region: GetAccount / UpdateAccount
// (https://docs.aws.amazon.com/apigateway/latest/api/API_GetAccount.html). Only cloudwatchRoleArn is
// settable here; it starts unset, as in an account that never configured API Gateway logging.

export interface AccountJson {
  cloudwatchRoleArn?: string
}

// What GetAccount shows besides the role: the account-level throttle (10,000 rps, burst 5,000:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html) and the
// "UsagePlans" feature, which every account has had since usage plans replaced API key stages.
const ACCOUNT_DEFAULTS = {
  throttleSettings: { burstLimit: 5000, rateLimit: 10000 },
  features: ['UsagePlans'],
  apiKeyVersion: '4'
}

// An IAM role ARN (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/

const accountView = (store: Store) => ({ ...store.account, ...ACCOUNT_DEFAULTS })

export const getAccount: Handler = ({ store }) => ({ status: 200, body: accountView(store) })

// https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateAccount.html; the patch table
// (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html, UpdateAccount) allows only
// `replace` on /cloudwatchRoleArn (and add/remove on /features, which the emulator does not model).
export const updateAccount: Handler = ({ store, body }) => {
  const next = { ...store.account }
  for (const op of parsePatchOperations(body)) {
    if (op.path !== '/cloudwatchRoleArn' || op.op !== 'replace') {
      throw badRequest(
        `Invalid patch path  '${op.path}' specified for op '${op.op}'. Must be one of: [/cloudwatchRoleArn]`
      )
    }
    // An empty value clears the role (how a test returns the account to "never configured").
    if (!op.value) {
      delete next.cloudwatchRoleArn
      continue
    }
    // AWS checks that it can assume the role; a malformed ARN gets AWS's answer for a role it cannot use
    // (the message hashicorp/terraform-provider-aws's aws_api_gateway_account retries on).
    if (!ROLE_ARN.test(op.value)) {
      throw badRequest('The role ARN does not have required permissions set to API Gateway')
    }
    next.cloudwatchRoleArn = op.value
  }
  store.account.cloudwatchRoleArn = next.cloudwatchRoleArn
  if (next.cloudwatchRoleArn === undefined) delete store.account.cloudwatchRoleArn
  return { status: 200, body: accountView(store) }
}

/**
 * Execution logging (a method's loglevel ERROR/INFO or dataTrace) and CloudWatch access logs need the
 * account's CloudWatch role: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
 * ("Permissions for CloudWatch logging"). AWS's message, as users report it (e.g.
 * aws-solutions/virtual-waiting-room-on-aws#74, anomalyco/sst#1556).
 */
export function requireCloudWatchRole(store: Store): void {
  if (!store.account.cloudwatchRoleArn) {
    throw badRequest('CloudWatch Logs role ARN must be set in account settings to enable logging')
  }
}

export const accountRoutes: readonly Route[] = [
  { operation: 'GetAccount', method: 'GET', path: '/account', handler: getAccount },
  { operation: 'UpdateAccount', method: 'PATCH', path: '/account', handler: updateAccount }
]
