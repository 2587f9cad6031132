/**
 * GitHub's REST error bodies: `{ message, documentation_url, status }`, plus `errors` on validation failures.
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 * The `status` member (the HTTP status as a string) is in GitHub's `basic-error` schema; real responses carry it.
 */

/** Where GitHub points errors that belong to no one endpoint (bad credentials, unknown routes). */
export const REST_DOCS = 'https://docs.github.com/rest'

/** One entry of a 422 "Validation Failed" body's `errors` array (GitHub's `validation-error` schema). */
export interface ValidationErrorItem {
  resource: string
  field: string
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom'
  message?: string
}

export interface GitHubErrorBody {
  message: string
  documentation_url: string
  errors?: ValidationErrorItem[]
  status: string
}

export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The endpoint's page in GitHub's REST docs; REST_DOCS when none applies. */
    readonly documentationUrl: string = REST_DOCS,
    readonly errors?: ValidationErrorItem[],
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }

  body(): GitHubErrorBody {
    return {
      message: this.message,
      documentation_url: this.documentationUrl,
      ...(this.errors && { errors: this.errors }),
      status: String(this.status)
    }
  }
}

/** An unknown token. https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api */
export const badCredentials = (): GitHubError => new GitHubError(401, 'Bad credentials')

/**
 * No Authorization header on an endpoint that needs one (every endpoint here: the fake's repository is private,
 * where GitHub answers an anonymous read with 404 and an anonymous write with this 401).
 */
export const requiresAuthentication = (docs: string): GitHubError =>
  new GitHubError(401, 'Requires authentication', docs)

/**
 * What GitHub answers a GITHUB_TOKEN (an installation token) whose permissions do not cover the endpoint.
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#resource-not-accessible
 */
export const notAccessible = (docs: string, accepted: string): GitHubError =>
  new GitHubError(403, 'Resource not accessible by integration', docs, undefined, {
    'x-accepted-github-permissions': accepted
  })

/** https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource */
export const notFound = (docs: string = REST_DOCS): GitHubError => new GitHubError(404, 'Not Found', docs)

/** A body that is not JSON. https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api */
export const problemsParsingJson = (docs: string): GitHubError =>
  new GitHubError(400, 'Problems parsing JSON', docs)

/**
 * A body that is JSON but does not match the endpoint's schema: GitHub says "Invalid request." and why, with
 * no `errors` array (e.g. `Invalid request.\n\n"body" wasn't supplied.`).
 */
export const invalidRequest = (docs: string, reason: string): GitHubError =>
  new GitHubError(422, `Invalid request.\n\n${reason}`, docs)

/** A well-formed request the model refuses: "Validation Failed" with GitHub's `errors` array. */
export const validationFailed = (docs: string, errors: ValidationErrorItem[]): GitHubError =>
  new GitHubError(422, 'Validation Failed', docs, errors)

/** Default messages for injected failures, as GitHub's front end words them. */
export function defaultMessageFor(status: number): string {
  switch (status) {
    case 400:
      return 'Bad Request'
    case 401:
      return 'Bad credentials'
    case 403:
      return 'Forbidden'
    case 404:
      return 'Not Found'
    case 409:
      return 'Conflict'
    case 422:
      return 'Validation Failed'
    case 503:
      return 'Service Unavailable'
    case 504:
      // What api.github.com answers when a request times out on its side.
      return "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists."
    default:
      return status >= 500 ? 'Server Error' : 'Error'
  }
}
