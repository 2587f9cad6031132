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
