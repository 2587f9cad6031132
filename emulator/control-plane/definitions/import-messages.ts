import type { ApiError } from '../../http/errors.js'
import { badRequest } from '../../http/errors.js'

// The warning and error texts of PutRestApi / ImportRestApi, as AWS words them. "Errors" stop the import
// whatever failonwarnings says; "warnings" stop it only with failonwarnings=true, and are otherwise returned in
// the RestApi's `warnings` ("Errors and warnings from importing your REST API into API Gateway",
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-errors-warnings.html).

/**
 * API Gateway parses definitions with swagger-parser and passes its messages on with this prefix, e.g.
 * "Parse issue: attribute paths.'/area/{zipCode}'(get).parameters.[zipCode].type is unexpected" (an
 * import-rest-api answer, recorded in a public repository). `location` is swagger-parser's dotted path.
 */
export const parseIssue = (location: string, key: string, what: 'is unexpected' | 'is missing'): string =>
  `Parse issue: attribute ${location === '' ? '' : `${location}.`}${key} ${what}`

/** swagger-parser's path check; AWS's wording as quoted in aws/serverless-application-model (api_generator). */
export const pathWithoutSlash = (path: string): string =>
  `Parse issue: attribute paths. Resource ${path} should start with /`

/** Verbatim from an import-rest-api answer (see parseIssue). */
export const moreThanOneServer =
  'More than one server provided. Ignoring all but the first for defining endpoint configuration'

/** Verbatim from a CloudFormation failure quoting API Gateway ("Additionally, these warnings were found"). */
export const modelNotFound = (name: string): string => `Reference to model '${name}' not found. Ignoring.`

/** Recorded against AWS by LocalStack (test_apigateway_import.snapshot.json, base path tests). */
export const requestParameterNotString = (key: string, path: string, method: string, value: string): string =>
  `Invalid format for 'requestParameters'. Expected type string for property '${key}' of resource '${path}' and method '${method}' but got '${value}'`

/**
 * AWS's error line for an integration it refuses, e.g. "Unable to put integration on 'ANY' for resource at
 * path '/{proxy+}': Invalid function ARN or invalid uri" (CloudFormation failures quoting API Gateway).
 */
export const cannotPutIntegration = (method: string, path: string, reason: string): string =>
  `Unable to put integration on '${method}' for resource at path '${path}': ${reason}`

/**
 * AWS's error line for a path it cannot create, e.g. "Unable to create resource at path
 * '/registrations/{email}/{eventId}': A sibling ({id}) of this resource already has a variable path part --
 * only one is allowed" (console output recorded in a public repository).
 */
export const cannotCreateResource = (path: string, reason: string): string =>
  `Unable to create resource at path '${path}': ${reason}`

/**
 * The 400 an import ends with, or undefined when it may go on. Layout as API Gateway sends it: "Errors found
 * during import:\n\t..." then "\nAdditionally, these warnings were found:\n\t..." (CloudFormation failures
 * quoting it), or "Warnings found during import:\n\t..." under failonwarnings (moto's and Terraform's tests,
 * written against AWS).
 */
export function importFailure(
  errors: readonly string[],
  warnings: readonly string[],
  failOnWarnings: boolean
): ApiError | undefined {
  const list = (lines: readonly string[]): string => lines.map(l => `\n\t${l}`).join('')
  if (errors.length > 0) {
    const extra = warnings.length > 0 ? `\nAdditionally, these warnings were found:${list(warnings)}` : ''
    return badRequest(`Errors found during import:${list(errors)}${extra}`)
  }
  if (failOnWarnings && warnings.length > 0)
    return badRequest(`Warnings found during import:${list(warnings)}`)
  return undefined
}
