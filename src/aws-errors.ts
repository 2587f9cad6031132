/**
 * Turns an AWS SDK error into a message that says which operation failed, AWS's error code, and what to do.
 */
import { ActionError } from './errors.js'

/** The IAM action each operation needs, for AccessDenied hints. API Gateway's actions are HTTP verbs. */
const IAM_ACTIONS: Record<string, string> = {
  GetRestApis: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis',
  GetStage: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/stages/*',
  CreateDeployment: 'apigateway:POST on arn:aws:apigateway:REGION::/restapis/API/deployments',
  UpdateStage: 'apigateway:PATCH on arn:aws:apigateway:REGION::/restapis/API/stages/*',
  DeleteDeployment: 'apigateway:DELETE on arn:aws:apigateway:REGION::/restapis/API/deployments/*',
  DescribeAlarms: 'cloudwatch:DescribeAlarms'
}

export interface AwsErrorContext {
  region: string
  restApiId?: string
  stageName?: string
}

export function describeAwsError(operation: string, error: unknown, context: AwsErrorContext): ActionError {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }
  const code = e?.name ?? 'Error'
  const status = e?.$metadata?.httpStatusCode
  const base = `${operation} failed: ${code}${status ? ` (HTTP ${status})` : ''}: ${e?.message ?? String(error)}`
  return new ActionError(`${base}\n${hint(operation, code, e?.message ?? '', status, context)}`.trim(), {
    operation,
    code,
    cause: error
  })
}

function hint(
  operation: string,
  code: string,
  message: string,
  status: number | undefined,
  context: AwsErrorContext
): string {
  if (code === 'CredentialsProviderError' || /credential/i.test(code))
    return 'No AWS credentials were found. Add aws-actions/configure-aws-credentials (OIDC role) before this step.'
  if (
    code === 'AccessDeniedException' ||
    code === 'UnauthorizedException' ||
    code === 'AccessDenied' ||
    status === 403
  ) {
    const action = (IAM_ACTIONS[operation] ?? `the permission for ${operation}`)
      .replace('REGION', context.region)
      .replace('API', context.restApiId ?? '*')
    return `The credentials lack permission: allow ${action} in the role's IAM policy (see the README's IAM section).`
  }
  if (code === 'LimitExceededException' && /maximum number|quota/i.test(message))
    return 'An API Gateway quota is used up: delete what is no longer needed (old stages, e.g. closed pull-request previews) or request an increase in Service Quotas.'
  if (code === 'NotFoundException' && context.restApiId)
    return `Check that REST API "${context.restApiId}" exists in region ${context.region} (inputs "rest-api-id" and "aws-region").`
  if (
    code === 'TooManyRequestsException' ||
    code === 'LimitExceededException' ||
    code === 'ConflictException' ||
    code === 'ServiceUnavailableException'
  )
    return 'API Gateway kept refusing until the retry deadline: raise "retry-deadline-seconds", or run fewer deployments to this account at once (a workflow `concurrency:` group helps).'
  if (code === 'BadRequestException')
    return 'API Gateway refused the request as given: see its message above.'
  return ''
}
