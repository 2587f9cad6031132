import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  prepareDefinition,
  titleProblem,
  type PreparedDefinition,
  type RefusedDefinition
} from '../../../src/definitions/load.js'
import { parseYaml } from '../../../src/inputs/yaml.js'

const FIXTURES = join(process.cwd(), '__tests__', 'emulator', 'fixtures', 'definitions')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

const prepare = (fileName: string, content: string, variables: Record<string, string> = {}) =>
  prepareDefinition({ fileName, content, variables, parseYaml })

function ok(result: PreparedDefinition | RefusedDefinition): PreparedDefinition {
  if (!result.ok) throw new Error(`expected a definition, got: ${result.problems.join('\n')}`)
  return result
}

function problems(result: PreparedDefinition | RefusedDefinition): string[] {
  if (result.ok) throw new Error('expected problems')
  return result.problems
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('prepareDefinition: formats and versions', () => {
  it('reads an OpenAPI 3 YAML file as it will be sent', () => {
    const content = fixture('pets.oas30.yaml')
    const prepared = ok(prepare('api/pets.oas30.yaml', content))
    expect(prepared).toMatchObject({
      fileName: 'api/pets.oas30.yaml',
      text: content,
      format: 'yaml',
      version: 'oas30',
      hash: sha256(content),
      unusedVariables: []
    })
    expect(Object.keys(prepared.document.paths as object)).toContain('/pets/{petId}')
  })

  it('reads a Swagger 2 JSON file', () => {
    const content = fixture('orders.swagger.json')
    expect(ok(prepare('orders.swagger.json', content))).toMatchObject({ format: 'json', version: 'swagger' })
  })

  it('tells JSON from YAML by the extension, else by the first character', () => {
    const json = '{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {}}'
    expect(ok(prepare('api.definition', json)).format).toBe('json')
    expect(ok(prepare('api.definition', 'openapi: 3.0.1\npaths: {}\n')).format).toBe('yaml')
    // JSON is YAML too: a .yml file written as JSON is read as YAML and still works.
    expect(ok(prepare('api.yml', json))).toMatchObject({ format: 'yaml', version: 'oas30' })
  })

  it('drops a byte order mark, which JSON.parse would refuse', () => {
    const json = '{"swagger": "2.0", "paths": {}}'
    const prepared = ok(prepare('a.json', `\uFEFF${json}`))
    expect(prepared.text).toBe(json)
    expect(prepared.hash).toBe(sha256(json))
  })

  it.each([
    ['openapi: "3.0"\n', 'oas30'],
    ['openapi: 3.0.3\n', 'oas30'],
    ['swagger: "2.0"\n', 'swagger'],
    ["swagger: '2.0'\n", 'swagger']
  ])('takes %j as %s', (content, version) => {
    expect(ok(prepare('a.yaml', content)).version).toBe(version)
  })

  it.each([
    [
      'openapi: 3.1.0\n',
      'is OpenAPI 3.1.0: API Gateway imports REST APIs from OpenAPI 3.0.x and Swagger 2.0 only. Write it as 3.0.x.'
    ],
    [
      'openapi: 3.0\n',
      'has "openapi: 3", which is not a string (YAML reads an unquoted 3.0 as the number 3): write openapi: "3.0.1".'
    ],
    [
      'swagger: 2.0\n',
      'has "swagger: 2", which is not a string (YAML reads an unquoted 2.0 as the number 2): write swagger: "2.0".'
    ],
    ['swagger: "1.2"\n', 'is Swagger 1.2: API Gateway imports Swagger 2.0 and OpenAPI 3.0.x only.'],
    [
      'openapi: 3.0.1\nswagger: "2.0"\n',
      'has both "openapi" and "swagger" at its top level: keep the one its content follows.'
    ],
    [
      'info: {title: t}\npaths: {}\n',
      'has neither "openapi: 3.0.x" nor "swagger: \'2.0\'" at its top level: it is not an OpenAPI 3.0 or Swagger 2.0 definition.'
    ],
    [
      '- openapi: 3.0.1\n',
      'is not an OpenAPI 3.0 or Swagger 2.0 definition: its top level is a list, not a map.'
    ],
    [
      'just some text\n',
      'is not an OpenAPI 3.0 or Swagger 2.0 definition: its top level is a string, not a map.'
    ],
    [
      '# nothing here\n',
      'is not an OpenAPI 3.0 or Swagger 2.0 definition: its top level is empty, not a map.'
    ]
  ])('refuses %j before any call', (content, problem) => {
    expect(problems(prepare('api.yaml', content))).toEqual([`Input "api-definition": api.yaml ${problem}`])
  })
})

describe('prepareDefinition: syntax errors with the file, line and column', () => {
  const json = (body: string): string => `{\n  "openapi": "3.0.1",\n${body}\n}\n`

  it.each([
    ['  "paths": {},\n', 5, 1, 'a comma before "}": JSON allows no trailing comma'],
    [
      '  "paths": {}\n  "info": {}',
      4,
      3,
      'unexpected "\\"" where "," or "}" after the property value should be'
    ],
    ['  paths: {}', 3, 3, 'unexpected "p" where a property name in double quotes should be'],
    ["  'paths': {}", 3, 3, 'a single quote: JSON strings and names take double quotes'],
    ['  // paths\n  "paths": {}', 3, 3, 'a comment: JSON has no comments'],
    ['  "paths": {"/a": tru}', 3, 19, 'unexpected "t" where a value should be'],
    [
      '  "paths": {"/a\n": {}}',
      3,
      16,
      'a line break or control character inside a string: write it as \\n or \\t'
    ],
    [
      '  "paths": {}, "openapi": "3.0.2"',
      3,
      16,
      'the key "openapi" appears twice in this object (the first is at a.json:2:3)'
    ]
  ])('JSON %j: line %i, column %i', (body, line, column, message) => {
    expect(problems(prepare('a.json', json(body)))).toEqual([
      `Input "api-definition": a.json:${line}:${column}: not valid JSON: ${message}.`
    ])
  })

  it('JSON cut short: where the file ends', () => {
    expect(problems(prepare('a.json', '{\n  "openapi": "3.0.1",\n  "paths": {'))).toEqual([
      'Input "api-definition": a.json:3:13: not valid JSON: the file ends where a property name in double quotes should be.'
    ])
    expect(problems(prepare('a.json', ''))).toEqual([
      'Input "api-definition": a.json:1:1: not valid JSON: the file ends where a value should be.'
    ])
  })

  it.each([
    [
      'openapi: 3.0.1\npaths:\n  /pets:\n    get: x: y\n',
      4,
      10,
      'Nested mappings are not allowed in compact mappings'
    ],
    [
      'openapi: 3.0.1\npaths: [a, b\n',
      3,
      1,
      'Flow sequence in block collection must be sufficiently indented and end with a ]'
    ],
    ['openapi: 3.0.1\npaths: {}\npaths: {}\n', 3, 1, 'Map keys must be unique'],
    ['openapi: 3.0.1\ninfo:\n  title: "unterminated\n', 4, 1, 'Missing closing "quote']
  ])('YAML %j: line %i, column %i', (content, line, column, message) => {
    expect(problems(prepare('api/openapi.yaml', content))).toEqual([
      `Input "api-definition": api/openapi.yaml:${line}:${column}: not valid YAML: ${message}.`
    ])
  })

  it('places an error on a line with a filled placeholder where the file has it', () => {
    const content = '{\n  "openapi": "3.0.1", "x": "${LONG_VALUE}" "paths": {}\n}'
    const filled = problems(prepare('a.json', content, { LONG_VALUE: 'a'.repeat(40) }))
    expect(filled).toEqual([
      'Input "api-definition": a.json:2:44: not valid JSON: unexpected "\\"" where "," or "}" after the property value should be.'
    ])
    expect(content.split('\n')[1].slice(43)).toMatch(/^"paths"/)
    const yaml = 'openapi: 3.0.1\nx: ${V} y: z\n'
    expect(problems(prepare('a.yaml', yaml, { V: 'value-that-is-long' }))).toEqual([
      'Input "api-definition": a.yaml:2:4: not valid YAML: Nested mappings are not allowed in compact mappings.'
    ])
  })
})

describe('prepareDefinition: placeholders', () => {
  const yaml = [
    "openapi: '3.0.1'",
    'paths:',
    '  /pets:',
    '    post:',
    '      x-amazon-apigateway-integration:',
    '        type: aws_proxy',
    '        uri: arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${LAMBDA_ARN}/invocations',
    '        credentials: arn:aws:iam::${ACCOUNT_ID}:role/api',
    '        requestTemplates:',
    "          application/json: '#set($x = 1) ${x} $${KEEP} ${stageVariables.fn}'",
    ''
  ].join('\n')
  const variables = {
    REGION: 'eu-west-1',
    LAMBDA_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:pets',
    ACCOUNT_ID: '123456789012'
  }

  it('fills every declared placeholder and leaves API Gateway and Velocity references alone', () => {
    const prepared = ok(prepare('api.yaml', yaml, { ...variables, UNUSED: 'x' }))
    expect(prepared.text).toContain(
      'uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:pets/invocations'
    )
    expect(prepared.text).toContain('credentials: arn:aws:iam::123456789012:role/api')
    expect(prepared.text).toContain("'#set($x = 1) ${x} ${KEEP} ${stageVariables.fn}'")
    expect(prepared.hash).toBe(sha256(prepared.text))
    expect(prepared.unusedVariables).toEqual(['UNUSED'])
  })

  it('names each unfilled placeholder with its line and column, and its other lines', () => {
    const twice = `${yaml}x-also: \${LAMBDA_ARN}\n`
    expect(problems(prepare('api.yaml', twice, { REGION: 'eu-west-1' }))).toEqual([
      'Input "api-definition": api.yaml:7:76: ${LAMBDA_ARN} has no value: add LAMBDA_ARN=… to "definition-variables" (or write $${LAMBDA_ARN} to keep the text as it is). It is also on line 11.',
      'Input "api-definition": api.yaml:8:35: ${ACCOUNT_ID} has no value: add ACCOUNT_ID=… to "definition-variables" (or write $${ACCOUNT_ID} to keep the text as it is).'
    ])
  })

  it('escapes values for JSON strings, so a quote cannot break the file', () => {
    const content = '{"openapi": "3.0.1", "info": {"title": "${TITLE}", "version": "1"}, "paths": {}}'
    const prepared = ok(prepare('a.json', content, { TITLE: 'say "hi" \\ bye' }))
    expect((prepared.document.info as { title: string }).title).toBe('say "hi" \\ bye')
  })

  it('hashes the filled text: another value is another definition', () => {
    const a = ok(prepare('api.yaml', yaml, variables))
    const b = ok(prepare('api.yaml', yaml, { ...variables, ACCOUNT_ID: '210987654321' }))
    expect(a.hash).not.toBe(b.hash)
    expect(ok(prepare('api.yaml', yaml, variables)).hash).toBe(a.hash)
  })

  it('refuses a file over the 6 MB PutRestApi takes', () => {
    const big = `openapi: 3.0.1\nx: "${'a'.repeat(6 * 1024 * 1024)}"\n`
    expect(problems(prepare('big.yaml', big))).toEqual([
      'Input "api-definition": big.yaml is 6.0 MB; PutRestApi takes at most 6 MB. Split the API, or drop what it does not need (examples, documentation).'
    ])
  })
})

describe('titleProblem', () => {
  it('refuses a title that would rename the API the run finds by name', () => {
    expect(titleProblem('orders', { info: { title: 'orders-api' } })).toBe(
      'Input "api-definition": its info.title is "orders-api", but the API is found by "rest-api-name: orders". The import names the API after the title, so the next run would not find it: make info.title "orders", or use "rest-api-id".'
    )
    expect(titleProblem('orders', { info: { title: 'orders' } })).toBeUndefined()
    expect(titleProblem(undefined, { info: { title: 'x' } })).toBeUndefined()
    expect(titleProblem('orders', {})).toBeUndefined()
  })
})
