/**
 * Turns an AWS SDK error into a message that says which operation failed, AWS's error code, and what to do.
 * The advice follows `classify`, the same decision the retry policy uses.
 */
import { ActionError } from '../errors.js'
import { classify, errorFacts, type ErrorKind } from './classify.js'

/** The IAM action each operation needs, for AccessDenied hints. API Gateway's actions are HTTP verbs. */
const IAM_ACTIONS: Record<string, string> = {
  GetRestApis: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis',
  GetRestApi: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API',
  GetStage: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/stages/*',
  CreateDeployment: 'apigateway:POST on arn:aws:apigateway:REGION::/restapis/API/deployments',
  UpdateStage: 'apigateway:PATCH on arn:aws:apigateway:REGION::/restapis/API/stages/*',
  DeleteDeployment: 'apigateway:DELETE on arn:aws:apigateway:REGION::/restapis/API/deployments/*',
  DescribeAlarms: 'cloudwatch:DescribeAlarms'
}

export interface AwsErrorContext {
  region: string
  restApiId?: string
}

export function describeAwsError(operation: string, error: unknown, context: AwsErrorContext): ActionError {
  const facts = errorFacts(error)
  const code = facts.name ?? 'Error'
  const base = `${operation} failed: ${code}${facts.status ? ` (HTTP ${facts.status})` : ''}: ${facts.message ?? String(error)}`
  const advice = hint(classify(facts), operation, context)
  return new ActionError(advice ? `${base}\n${advice}` : base, { operation, code, cause: error })
}

function hint(kind: ErrorKind, operation: string, context: AwsErrorContext): string {
  switch (kind) {
    case 'credentials':
      return 'No AWS credentials were found. Add aws-actions/configure-aws-credentials (OIDC role) before this step.'
    case 'access-denied': {
      const action = (IAM_ACTIONS[operation] ?? `the permission for ${operation}`)
        .replace('REGION', context.region)
        .replace('API', context.restApiId ?? '*')
      return `The credentials lack permission: allow ${action} in the role's IAM policy (see the README's IAM section).`
    }
    case 'quota-exhausted':
      return 'An API Gateway quota is used up: delete what is no longer needed (old stages, e.g. closed pull-request previews) or request an increase in Service Quotas.'
    case 'not-found':
      return context.restApiId
        ? `Check that REST API "${context.restApiId}" exists in region ${context.region} (inputs "rest-api-id" and "aws-region").`
        : ''
    case 'throttled':
    case 'conflict':
    case 'unavailable':
    case 'network':
      return 'API Gateway kept refusing until the retry deadline: raise "retry-deadline-seconds", or run fewer deployments to this account at once (a workflow `concurrency:` group helps).'
    case 'bad-request':
      return 'API Gateway refused the request as given: see its message above.'
    case 'other':
      return ''
  }
}
