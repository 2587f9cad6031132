/**
 * API definitions in and out, end to end: an OpenAPI file imported before the deployment, the stage's
 * definition exported and an SDK generated after it, skip-unchanged, and every refusal before any call.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { APIGatewayClient, CreateRestApiCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { useActionFixture } from './fixture.js'

const region = 'eu-west-1'
const fixture = useActionFixture({ region, apiName: 'definitions' })
const FIXTURES = fileURLToPath(new URL('../emulator/fixtures/definitions/', import.meta.url))
const PETS = join(FIXTURES, 'pets.oas30.yaml')
const WARNINGS = join(FIXTURES, 'warnings.oas30.json')
const work = mkdtempSync(join(tmpdir(), 'definitions-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function emptyApi(name: string): Promise<string> {
  const client = new APIGatewayClient({
    endpoint: fixture.emu.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
  const api = await client.send(new CreateRestApiCommand({ name }))
  client.destroy()
  return api.id as string
}

async function paths(restApiId: string): Promise<string[]> {
  const client = new APIGatewayClient({
    endpoint: fixture.emu.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
  const resources = await client.send(new GetResourcesCommand({ restApiId, limit: 500 }))
  client.destroy()
  return (resources.items ?? []).map(r => r.path ?? '').sort()
}

const ops = (): string[] => fixture.operations()

describe('API definitions', () => {
  it('imports, deploys, exports and generates an SDK: the round trip keeps the paths and methods', async () => {
    const restApiId = await emptyApi('pets-api')
    fixture.emu.resetCalls()
    const exportPath = join(work, 'out/nested/pets.json')
    const sdkPath = join(work, 'sdk/pets-js.zip')
    const run = await fixture.run({
      'rest-api-id': restApiId,
      'stage-name': 'v1',
      'api-definition': PETS,
      'export-type': 'oas30',
      'export-path': exportPath,
      'export-extensions': 'integrations',
      'sdk-type': 'javascript',
      'sdk-path': sdkPath
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(ops()).toEqual(['GetRestApi', 'GetStage', 'PutRestApi', 'CreateDeployment', 'GetExport', 'GetSdk'])
    expect(run.outputs['export-file']).toBe(exportPath)
    expect(run.outputs['sdk-file']).toBe(sdkPath)
    const exported = JSON.parse(readFileSync(exportPath, 'utf8'))
    const source = parse(readFileSync(PETS, 'utf8'))
    expect(Object.keys(exported.paths).sort()).toEqual(Object.keys(source.paths).sort())
    expect(Object.keys(exported.paths['/pets/{petId}'])).toEqual(
      expect.arrayContaining(Object.keys(source.paths['/pets/{petId}']))
    )
    expect(exported.paths['/health'].get['x-amazon-apigateway-integration'].type).toBe('mock')
    expect(readFileSync(sdkPath).subarray(0, 2).toString('latin1')).toBe('PK')
    const health = await fetch(`${run.outputs['invoke-url']}/health`)
    expect(health.status).toBe(200)
    expect(run.summary).toContain('Stage changes')
  })

  it('lists what the import changes against what the stage serves, and dry-run stops there', async () => {
    const restApiId = await emptyApi('pets-api')
    const first = await fixture.run({ 'rest-api-id': restApiId, 'stage-name': 'v1', 'api-definition': PETS })
    expect(first.code).toBe(0)
    const smaller = parse(readFileSync(PETS, 'utf8'))
    delete smaller.paths['/secret']
    smaller.paths['/health'].get['x-amazon-apigateway-integration'].type = 'http_proxy'
    smaller.paths['/health'].get['x-amazon-apigateway-integration'].httpMethod = 'GET'
    smaller.paths['/health'].get['x-amazon-apigateway-integration'].uri = 'http://127.0.0.1:1/health'
    const file = join(work, 'smaller.json')
    writeFileSync(file, JSON.stringify(smaller))
    fixture.emu.resetCalls()
    const dry = await fixture.run({
      'rest-api-id': restApiId,
      'stage-name': 'v1',
      'api-definition': file,
      'dry-run': 'true'
    })
    expect(dry.errors).toEqual([])
    expect(dry.code).toBe(0)
    expect(ops()).toEqual(['GetRestApi', 'GetStage', 'GetExport'])
    const changes = JSON.parse(dry.outputs.plan).changes.map((c: { setting: string }) => c.setting)
    expect(changes.some((s: string) => s.includes('/secret'))).toBe(true)
    expect(changes.some((s: string) => s.includes('/health'))).toBe(true)
    expect(dry.summary).toContain('Planned changes (dry run: nothing was written)')
  })

  it('merge keeps what the file lacks, overwrite removes it', async () => {
    const merged = await emptyApi('pets-api')
    const overwritten = await emptyApi('pets-api')
    const extra = join(work, 'extra.yaml')
    writeFileSync(
      extra,
      readFileSync(PETS, 'utf8').replace(
        '  /health:',
        '  /extra:\n    get:\n      responses:\n        "200":\n          description: ok\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: \'{"statusCode": 200}\'\n        responses:\n          default:\n            statusCode: "200"\n  /health:'
      )
    )
    for (const restApiId of [merged, overwritten])
      expect(
        (await fixture.run({ 'rest-api-id': restApiId, 'stage-name': 'v1', 'api-definition': extra })).code
      ).toBe(0)
    expect(
      (
        await fixture.run({
          'rest-api-id': merged,
          'stage-name': 'v1',
          'api-definition': PETS,
          'api-definition-mode': 'merge'
        })
      ).code
    ).toBe(0)
    expect(
      (await fixture.run({ 'rest-api-id': overwritten, 'stage-name': 'v1', 'api-definition': PETS })).code
    ).toBe(0)
    expect(await paths(merged)).toContain('/extra')
    expect(await paths(overwritten)).not.toContain('/extra')
    expect(await paths(overwritten)).toContain('/pets/{petId}')
  })

  it("shows AWS's warnings as annotations on the file, and with fail-on-warnings fails before the deployment", async () => {
    const restApiId = await emptyApi('warnings-api')
    const refused = await fixture.run({
      'rest-api-id': restApiId,
      'stage-name': 'v1',
      'api-definition': WARNINGS
    })
    expect(refused.code).toBe(1)
    expect(refused.errors.join('\n')).toMatch(/nothing was (imported|deployed)/i)
    expect(ops()).not.toContain('CreateDeployment')
    fixture.emu.resetCalls()
    const lenient = await fixture.run({
      'rest-api-id': restApiId,
      'stage-name': 'v1',
      'api-definition': WARNINGS,
      'fail-on-warnings': 'false'
    })
    const warnings = lenient.stdout
      .split('\n')
      .filter(l => l.startsWith('::warning') && l.includes('API definition import warning'))
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings[0]).toContain(`file=${WARNINGS}`)
    expect(ops()).toContain('PutRestApi')
  })

  it('skip-unchanged: a second run with the same definition imports and deploys nothing', async () => {
    const restApiId = await emptyApi('pets-api')
    const inputs = {
      'rest-api-id': restApiId,
      'stage-name': 'v1',
      'api-definition': PETS,
      'skip-unchanged': 'true'
    }
    const first = await fixture.run(inputs)
    expect(first.code).toBe(0)
    expect(ops()).toContain('TagResource')
    fixture.emu.resetCalls()
    const second = await fixture.run(inputs)
    expect(second.code).toBe(0)
    expect(ops()).toEqual(['GetRestApi', 'GetStage'])
    expect(second.outputs).toMatchObject({
      skipped: 'true',
      'deployment-id': first.outputs['deployment-id'],
      'invoke-url': first.outputs['invoke-url']
    })
    // Imported another way, it is a change.
    fixture.emu.resetCalls()
    const merged = await fixture.run({ ...inputs, 'api-definition-mode': 'merge' })
    expect(merged.outputs.skipped).toBe('false')
    expect(ops()).toContain('PutRestApi')
  })

  it('refuses a malformed file (file, line, column), a missing SDK parameter and an unfilled placeholder, before any call', async () => {
    const broken = join(work, 'broken.yaml')
    writeFileSync(broken, 'openapi: "3.0.1"\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a: [\n')
    const run = await fixture.run({ 'stage-name': 'never', 'api-definition': broken })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(
      new RegExp(
        `${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*line \\d+, column \\d+|${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`
      )
    )
    const sdk = await fixture.run({
      'stage-name': 'never',
      'sdk-type': 'android',
      'sdk-path': join(work, 'a.zip'),
      'sdk-parameters': 'groupId=com.example'
    })
    expect(sdk.code).toBe(1)
    expect(sdk.errors.join('\n')).toContain('invokerPackage')
    const placeholder = join(work, 'placeholder.yaml')
    writeFileSync(
      placeholder,
      readFileSync(PETS, 'utf8').replace("description: 'MOCK-only pets API'", "description: '${ACCOUNT_ID}'")
    )
    const unfilled = await fixture.run({ 'stage-name': 'never', 'api-definition': placeholder })
    expect(unfilled.code).toBe(1)
    expect(unfilled.errors.join('\n')).toContain('ACCOUNT_ID')
    expect(fixture.emu.calls).toEqual([])
  })
})
