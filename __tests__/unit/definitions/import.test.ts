import { describe, expect, it } from '@jest/globals'
import { importRefusal } from '../../../src/definitions/import.js'
import { ActionError } from '../../../src/errors.js'

/** A PutRestApi failure as callAws reports it: the SDK's error as the cause. */
function refused(message: string, code = 'BadRequestException'): ActionError {
  const cause = Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode: 400 } })
  return new ActionError(`PutRestApi failed: ${code} (HTTP 400): ${message}`, {
    operation: 'PutRestApi',
    code,
    cause
  })
}

const request = { fileName: 'api/openapi.json', failOnWarnings: true }
const NOTHING = 'Nothing was imported and nothing was deployed: the API and the stage are as they were.'

describe('importRefusal', () => {
  it('lists the warnings that failed the import, and the way out', () => {
    const error = importRefusal(
      refused(
        'Warnings found during import:\n\tParse issue: attribute components.invalid_key_will_warn is unexpected\n\tMore than one server provided. Ignoring all but the first for defining endpoint configuration'
      ),
      request
    )
    expect(error).toBeInstanceOf(ActionError)
    expect(error?.message).toBe(
      [
        'Input "api-definition": AWS refused api/openapi.json for 2 warnings ("fail-on-warnings" is true):',
        '  - Parse issue: attribute components.invalid_key_will_warn is unexpected',
        '  - More than one server provided. Ignoring all but the first for defining endpoint configuration',
        `${NOTHING} Fix the definition, or set "fail-on-warnings: false" to import it despite them (they then show as annotations).`
      ].join('\n')
    )
    expect(error).toMatchObject({ operation: 'PutRestApi', code: 'BadRequestException' })
  })

  it('lists the errors, then the warnings that came with them', () => {
    const error = importRefusal(
      refused(
        [
          'Errors found during import:',
          "\tUnable to put integration on 'GET' for resource at path '/tags': Timeout should be between 50 ms and 29000 ms",
          'Additionally, these warnings were found:',
          '\tParse issue: attribute components.invalid_key_will_warn is unexpected'
        ].join('\n')
      ),
      { ...request, failOnWarnings: false }
    )
    expect(error?.message).toBe(
      [
        'Input "api-definition": AWS refused api/openapi.json with 1 error:',
        "  - Unable to put integration on 'GET' for resource at path '/tags': Timeout should be between 50 ms and 29000 ms",
        'and 1 warning:',
        '  - Parse issue: attribute components.invalid_key_will_warn is unexpected',
        `${NOTHING} Fix the definition and run again.`
      ].join('\n')
    )
  })

  it('reads a list written on the heading line too', () => {
    expect(
      importRefusal(refused('Warnings found during import: Parse issue: x'), request)?.message
    ).toContain('for 1 warning ("fail-on-warnings" is true):\n  - Parse issue: x\n')
  })

  it('says when AWS could not read the file at all', () => {
    expect(importRefusal(refused('Invalid OpenAPI input.'), request)?.message).toBe(
      `Input "api-definition": AWS could not read api/openapi.json as an OpenAPI 3.0 or Swagger 2.0 definition (PutRestApi: Invalid OpenAPI input.). ${NOTHING}`
    )
  })

  it('keeps any other refusal as it is, saying nothing was imported', () => {
    const other = refused("Enumeration value of OpenAPI import mode must be 'overwrite' or 'merge'")
    expect(importRefusal(other, request)?.message).toBe(`${other.message}\n${NOTHING}`)
  })

  it('leaves failures that are not a refusal to the caller', () => {
    expect(importRefusal(refused('no such API', 'NotFoundException'), request)).toBeUndefined()
    expect(importRefusal(new Error('boom'), request)).toBeUndefined()
  })
})
