import { ApiError } from '../http/errors.js'

// CloudWatch errors as the installed @aws-sdk/client-cloudwatch reads them. The client speaks AWS JSON 1.0
// with the awsQueryCompatible trait (its runtimeConfig: AwsJson1_0Protocol, awsQueryCompatible: true): an
// error is {"__type": "com.amazonaws.cloudwatch#<Shape>", "message": ...} plus the header
// `x-amzn-query-error: <awsQueryError code>;Sender|Receiver`, which the client reads first
// (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#aws-protocols-awsquerycompatible-trait, and
// @aws-sdk/core's ProtocolLib.setQueryCompatError). The exception's name is the shape (e.g.
// InvalidParameterValueException), its `Code` the query code (InvalidParameterValue). Shapes, query codes and
// statuses are those of the client's schema (dist-es/schemas/schemas_0.js); the messages are the emulator's.

const NAMESPACE = 'com.amazonaws.cloudwatch'

export class CloudWatchError extends ApiError {
  constructor(
    status: number,
    /** The Smithy shape name, e.g. InvalidParameterValueException. */
    code: string,
    /** The awsQueryError code, e.g. InvalidParameterValue. */
    readonly queryCode: string,
    message: string
  ) {
    super(status, code, message)
  }

  get type(): string {
    return `${NAMESPACE}#${this.code}`
  }
}

export const invalidParameterValue = (message: string): CloudWatchError =>
  new CloudWatchError(400, 'InvalidParameterValueException', 'InvalidParameterValue', message)

export const missingParameter = (name: string): CloudWatchError =>
  new CloudWatchError(
    400,
    'MissingRequiredParameterException',
    'MissingParameter',
    `The parameter ${name} is required.`
  )

export const invalidParameterCombination = (message: string): CloudWatchError =>
  new CloudWatchError(400, 'InvalidParameterCombinationException', 'InvalidParameterCombination', message)

export const invalidNextToken = (): CloudWatchError =>
  new CloudWatchError(
    400,
    'InvalidNextToken',
    'InvalidNextToken',
    'The service cannot use the NextToken given.'
  )

/** What an AWS JSON service answers for an X-Amz-Target it does not have. */
export const unknownOperation = (name: string): ApiError =>
  new ApiError(400, 'UnknownOperationException', `The emulator does not implement CloudWatch ${name}`)
