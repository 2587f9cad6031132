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
  DeleteStage: 'apigateway:DELETE on arn:aws:apigateway:REGION::/restapis/API/stages/*',
  CreateStage: 'apigateway:POST on arn:aws:apigateway:REGION::/restapis/API/stages',
  GetDeployment: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/deployments/*',
  GetDeployments: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/deployments',
  GetDomainName: 'apigateway:GET on arn:aws:apigateway:REGION::/domainnames/{domain-name}',
  GetBasePathMappings:
    'apigateway:GET on arn:aws:apigateway:REGION::/domainnames/{domain-name}/basepathmappings',
  CreateBasePathMapping:
    'apigateway:POST on arn:aws:apigateway:REGION::/domainnames/{domain-name}/basepathmappings',
  UpdateBasePathMapping:
    'apigateway:PATCH on arn:aws:apigateway:REGION::/domainnames/{domain-name}/basepathmappings/*',
  GetApiMappings: 'apigateway:GET on arn:aws:apigateway:REGION::/domainnames/{domain-name}/apimappings',
  CreateApiMapping: 'apigateway:POST on arn:aws:apigateway:REGION::/domainnames/{domain-name}/apimappings',
  UpdateApiMapping: 'apigateway:PATCH on arn:aws:apigateway:REGION::/domainnames/{domain-name}/apimappings/*',
  TagResource: 'apigateway:PUT on arn:aws:apigateway:REGION::/tags/*',
  UntagResource: 'apigateway:DELETE on arn:aws:apigateway:REGION::/tags/*',
  PutRestApi: 'apigateway:PUT on arn:aws:apigateway:REGION::/restapis/API',
  GetExport: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/stages/*/exports/*',
  GetSdk: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/stages/*/sdks/*',
  GetUsagePlans: 'apigateway:GET on arn:aws:apigateway:REGION::/usageplans',
  UpdateUsagePlan: 'apigateway:PATCH on arn:aws:apigateway:REGION::/usageplans/*',
  AssociateWebACL:
    'wafv2:AssociateWebACL on the web ACL, and apigateway:SetWebACL on arn:aws:apigateway:REGION::/restapis/API/stages/*',
  DescribeAlarms: 'cloudwatch:DescribeAlarms',
  GetMetricData: 'cloudwatch:GetMetricData'
}

/** Refusals whose message AWS words the same each time, with what to do about them. */
const KNOWN_REFUSALS: { message: RegExp; advice: string }[] = [
  {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html: execution logging
    // needs an IAM role for the account (once per region), set in the account settings.
    message: /CloudWatch Logs role ARN must be set in account settings/i,
    advice:
      'Execution logging needs the account\'s CloudWatch Logs role, once per region: create a role that apigateway.amazonaws.com may assume, with the managed policy AmazonAPIGatewayPushToCloudWatchLogs, then set it: `aws apigateway update-account --patch-operations op=replace,path=/cloudwatchRoleArn,value=ROLE_ARN` (or API Gateway console > Settings). Until then, leave "logging-level" OFF and "data-trace" false.'
  },
  {
    message: /Update size too large/i,
    advice:
      'API Gateway took too many settings in one call: name fewer methods in "method-settings" per run, or report this (the action splits them into calls of 80).'
  }
]

export interface AwsErrorContext {
  region: string
  restApiId?: string
}

export function describeAwsError(operation: string, error: unknown, context: AwsErrorContext): ActionError {
  const facts = errorFacts(error)
  const code = facts.name ?? 'Error'
  const base = `${operation} failed: ${code}${facts.status ? ` (HTTP ${facts.status})` : ''}: ${facts.message ?? String(error)}`
  const advice = hint(classify(facts), operation, context, facts.message ?? '')
  return new ActionError(advice ? `${base}\n${advice}` : base, { operation, code, cause: error })
}

function hint(kind: ErrorKind, operation: string, context: AwsErrorContext, message: string): string {
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
      return (
        KNOWN_REFUSALS.find(refusal => refusal.message.test(message))?.advice ??
        'API Gateway refused the request as given: see its message above.'
      )
    case 'other':
      return ''
  }
}
