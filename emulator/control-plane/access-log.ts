import { badRequest } from '../http/errors.js'
import { requireCloudWatchRole } from './account.js'
import type { Store } from './state.js'

// Access log settings a stage accepts (https://docs.aws.amazon.com/apigateway/latest/api/API_AccessLogSettings.html):
// the destination is a CloudWatch Logs log group ARN or an Amazon Data Firehose stream ARN whose name begins
// with amazon-apigateway- (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-logging-to-kinesis.html),
// and the format identifies each request.

// A log group ARN without the ":*" suffix CloudWatch Logs' own ARN carries: API Gateway refuses that suffix
// (LocalStack's AWS-validated test_stage_access_log_settings strips it for that reason).
const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[\w.\-/#]{1,512}$/
const FIREHOSE_ARN = /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/amazon-apigateway-[\w.-]+$/

/**
 * Validates a destination and, for CloudWatch Logs, the account's role (the "Permissions for CloudWatch
 * logging" of https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html). Firehose
 * uses a service-linked role API Gateway creates itself, so it needs none. The message for a bad ARN is
 * the emulator's: AWS's is not on record.
 */
export function validateDestinationArn(store: Store, arn: string): void {
  if (FIREHOSE_ARN.test(arn)) return
  if (!LOG_GROUP_ARN.test(arn)) {
    throw badRequest(
      `Invalid ARN specified in the request: ${arn}. The access log destination must be a CloudWatch Logs log group ARN (without ":*") or an Amazon Data Firehose delivery stream ARN whose name begins with amazon-apigateway-`
    )
  }
  requireCloudWatchRole(store)
}

/**
 * "The format must include at least $context.requestId" (API_AccessLogSettings.html); API Gateway also
 * accepts $context.extendedRequestId alone (aws/aws-cdk#22591, from the API Gateway team). The message is
 * the emulator's.
 */
export function validateFormat(format: string): void {
  if (!/\$context\.(requestId|extendedRequestId)\b/.test(format)) {
    throw badRequest(
      'Access Log format must include at least $context.requestId or $context.extendedRequestId'
    )
  }
}
