// AWS error codes and the HTTP status each is modelled with in the API Gateway service model
// (see the "Errors" section of any operation in https://docs.aws.amazon.com/apigateway/latest/api/CommonErrors.html
// and the operation pages, e.g. https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number
  ) {
    super(message)
    this.name = code
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequestException', message)
export const notFound = (message: string): ApiError => new ApiError(404, 'NotFoundException', message)
export const conflict = (message: string): ApiError => new ApiError(409, 'ConflictException', message)
export const limitExceeded = (message: string): ApiError =>
  new ApiError(429, 'LimitExceededException', message)
export const tooManyRequests = (message: string, retryAfterSeconds: number): ApiError =>
  new ApiError(429, 'TooManyRequestsException', message, retryAfterSeconds)

// What API Gateway answers when a request carries no SigV4 signature (and for unknown routes on
// execute-api hosts): 403 with this code and message.
export const missingAuthenticationToken = (): ApiError =>
  new ApiError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token')

// Code and message for an injected failure given only its status. API Gateway's "Handling Errors" table
// (https://docs.aws.amazon.com/apigateway/api-reference/handling-errors/) names the exception for 400, 403,
// 404, 409, 429, 502 (Bad Gateway), 503 (Service Unavailable) and 504 (Endpoint Request Timed-out); 500 is
// the AWS-wide InternalFailure of https://docs.aws.amazon.com/apigateway/latest/api/CommonErrors.html.
// They go out like any API Gateway error, `x-amzn-ErrorType: <code>` + `{"message"}` (the sample response
// on that page): without the header the SDK would name the error "Unknown". The SDK models
// ServiceUnavailableException (with retryAfterSeconds); the 500/502/504 codes surface as
// APIGatewayServiceException named after the code, all with $fault 'server', and its standard retry
// strategy retries 500/502/503/504 by status.
const DEFAULT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BadRequestException', message: 'Bad Request' },
  403: { code: 'AccessDeniedException', message: 'Access Denied' },
  404: { code: 'NotFoundException', message: 'Not Found' },
  409: { code: 'ConflictException', message: 'Conflict' },
  429: { code: 'TooManyRequestsException', message: 'Too Many Requests' },
  500: { code: 'InternalFailure', message: 'Internal server error' },
  502: { code: 'BadGatewayException', message: 'Bad Gateway' },
  503: { code: 'ServiceUnavailableException', message: 'Service Unavailable' },
  504: { code: 'EndpointRequestTimedOutException', message: 'Endpoint request timed out' }
}

/** The code and message API Gateway uses for `status`, if it is one the table above knows. */
export const defaultErrorFor = (status: number): { code: string; message: string } | undefined =>
  DEFAULT_ERRORS[status]
