import { ApiError } from '../http/errors.js'

// WAFv2 errors (https://docs.aws.amazon.com/waf/latest/APIReference/CommonErrors.html and each operation's
// Errors), all 400. They travel as JSON 1.1 error bodies, {"__type": code, "Message": ...}; the SDK reads
// the code from __type first (@smithy/core's loadJsonRpcErrorCode) and the text from message or Message.

export class WafError extends ApiError {
  constructor(
    code: string,
    message: string,
    /** Extra members of the error shape, e.g. WAFInvalidParameterException's Field, Parameter, Reason. */
    readonly fields: Record<string, string> = {},
    /** WAFInvalidParameterException names its text "message", the other exceptions "Message". */
    readonly messageKey: 'Message' | 'message' = 'Message'
  ) {
    super(400, code, message)
  }
}

/**
 * An unknown web ACL or resource. AWS's text (typographic apostrophes included), as users met it
 * associating a web ACL with an API Gateway stage that did not exist yet (aws-samples/serverless-patterns#2173).
 */
export const nonexistentItem = (): WafError =>
  new WafError(
    'WAFNonexistentItemException',
    'AWS WAF couldn’t perform the operation because your resource doesn’t exist.'
  )

/**
 * A malformed ARN, in AWS's words and with its fields (hashicorp/terraform-provider-aws#28753 and #29569:
 * "Error reason: The ARN isn't valid. ..., field: RESOURCE_ARN, parameter: <arn>").
 */
export const invalidArn = (arn: string): WafError => {
  const reason =
    "The ARN isn't valid. A valid ARN begins with arn: and includes other information separated by colons or slashes."
  return new WafError(
    'WAFInvalidParameterException',
    `Error reason: ${reason}, field: RESOURCE_ARN, parameter: ${arn}`,
    { Field: 'RESOURCE_ARN', Parameter: arn, Reason: reason },
    'message'
  )
}
