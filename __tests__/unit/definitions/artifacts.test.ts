/**
 * The sending side against the emulator, in process: the import and its refusal under fail-on-warnings, the
 * export's and the SDK's bytes written as they came, the definition hash kept as a stage tag and read back.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CreateRestApiCommand, GetExportCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { saveExport, saveSdk, writeArtifact } from '../../../src/definitions/artifacts.js'
import { planDefinitionChanges } from '../../../src/definitions/changes.js'
import { importDefinition } from '../../../src/definitions/import.js'
import { prepareDefinition, type PreparedDefinition } from '../../../src/definitions/load.js'
import { definitionTag, skipDecision } from '../../../src/definitions/skip.js'
import { Gateway } from '../../../src/aws/gateway.js'
import { ActionError } from '../../../src/errors.js'
import { parseYaml } from '../../../src/inputs/yaml.js'
import { stageArn } from '../../../src/urls.js'
import { fixture, readZip } from '../../emulator/definitions-helpers.js'
import { useEmulator } from '../../emulator/helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
let gateway: Gateway
let dir: string
const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY }

beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = 'test'
  process.env.AWS_SECRET_ACCESS_KEY = 'test'
  gateway = Gateway.open({ region: ctx.emu.region, endpointUrl: ctx.emu.url, retryDeadlineSeconds: 5 })
  dir = mkdtempSync(join(tmpdir(), 'definitions-'))
})

afterAll(() => {
  gateway.destroy()
  rmSync(dir, { recursive: true, force: true })
  process.env.AWS_ACCESS_KEY_ID = saved.id
  process.env.AWS_SECRET_ACCESS_KEY = saved.secret
})

function prepared(name: string): PreparedDefinition {
  const result = prepareDefinition({
    fileName: name,
    content: fixture(name).toString('utf8'),
    variables: {},
    parseYaml
  })
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return result
}

async function newApi(): Promise<string> {
  return (await ctx.client.send(new CreateRestApiCommand({ name: 'pets-api' }))).id as string
}

const importRequest = (restApiId: string, definition: PreparedDefinition, failOnWarnings = true) => ({
  restApiId,
  fileName: definition.fileName,
  text: definition.text,
  mode: 'overwrite' as const,
  failOnWarnings,
  parameters: {}
})

describe('definitions against the emulator', () => {
  it('imports, lists no change against its own export, exports and generates an SDK as bytes', async () => {
    const restApiId = await newApi()
    const pets = prepared('pets.oas30.yaml')
    const stage = { restApiId, stageName: 'prod' }
    const before = await planDefinitionChanges(gateway, { ...stage, stageExists: false }, pets.document, {
      mode: 'overwrite',
      dryRun: true
    })
    expect(before.changes.map(c => c.setting)).toContain('path /pets')

    expect(await importDefinition(gateway, importRequest(restApiId, pets))).toEqual({
      warnings: [],
      name: 'pets-api'
    })
    await gateway.createDeployment({ restApiId, stageName: 'prod' })

    // What the stage serves now is the file: the diff against its export lists nothing.
    const again = await planDefinitionChanges(gateway, { ...stage, stageExists: true }, pets.document, {
      mode: 'overwrite',
      dryRun: true
    })
    expect(again).toEqual({ changes: [], known: true })

    const file = await saveExport(
      gateway,
      stage,
      { type: 'oas30', format: 'yaml', extensions: ['integrations'], path: 'nested/dir/api.yaml' },
      dir
    )
    expect(file).toBe(join(dir, 'nested', 'dir', 'api.yaml'))
    const direct = await ctx.client.send(
      new GetExportCommand({
        ...stage,
        exportType: 'oas30',
        accepts: 'application/yaml',
        parameters: { extensions: 'integrations' }
      })
    )
    expect(readFileSync(file)).toEqual(Buffer.from(direct.body as Uint8Array))
    expect(parseYaml(readFileSync(file, 'utf8'))).toMatchObject({
      openapi: '3.0.1',
      info: { title: 'pets-api' }
    })

    const json = await saveExport(
      gateway,
      stage,
      { type: 'swagger', format: 'json', extensions: [], path: 'api.json' },
      dir
    )
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ swagger: '2.0', basePath: '/prod' })

    const zip = await saveSdk(
      gateway,
      stage,
      { type: 'objectivec', parameters: { classPrefix: 'PET' }, path: join(dir, 'sdk', 'pets.zip') },
      '/elsewhere'
    )
    expect(zip).toBe(join(dir, 'sdk', 'pets.zip'))
    const manifest = readZip(readFileSync(zip)).get('objectivec-sdk/manifest.json')
    expect(JSON.parse(String(manifest))).toMatchObject({
      sdkType: 'objectivec',
      parameters: { classPrefix: 'PET' }
    })
  })

  it.each(['orders.swagger.json', 'pets.oas30.yaml'])(
    'lists no change for %s against the export of what it imported',
    async name => {
      const restApiId = await newApi()
      const definition = prepared(name)
      await importDefinition(gateway, importRequest(restApiId, definition))
      await gateway.createDeployment({ restApiId, stageName: 'prod' })
      const stage = { restApiId, stageName: 'prod', stageExists: true }
      const options = { mode: 'overwrite' as const, dryRun: true }
      expect(await planDefinitionChanges(gateway, stage, definition.document, options)).toEqual({
        changes: [],
        known: true
      })
    }
  )

  it('fails a dry run whose stage definition cannot be read (a real run only warns)', async () => {
    const restApiId = await newApi()
    const target = { restApiId, stageName: 'missing', stageExists: true }
    const error = await planDefinitionChanges(gateway, target, {}, { mode: 'overwrite', dryRun: true }).catch(
      (e: unknown) => e
    )
    expect(error).toMatchObject({ operation: 'GetExport', code: 'NotFoundException' })
  })

  it('refuses an import with warnings under fail-on-warnings, listing them, and changes nothing', async () => {
    const restApiId = await newApi()
    const warned = prepared('warnings.oas30.json')
    const error = await importDefinition(gateway, importRequest(restApiId, warned)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    const message = (error as ActionError).message
    expect(message).toMatch(/^Input "api-definition": AWS refused warnings\.oas30\.json for 5 warnings/)
    expect(message).toContain("\n  - Reference to model 'Users' not found. Ignoring.")
    expect(message).toContain('Nothing was imported and nothing was deployed')
    const { items = [] } = await ctx.client.send(new GetResourcesCommand({ restApiId }))
    expect(items.map(r => r.path)).toEqual(['/'])

    // Without fail-on-warnings the same file imports, and the warnings come back for annotations.
    const { warnings } = await importDefinition(gateway, importRequest(restApiId, warned, false))
    expect(warnings).toHaveLength(5)
  })

  it('refuses a file with errors whatever fail-on-warnings says', async () => {
    const restApiId = await newApi()
    const error = await importDefinition(
      gateway,
      importRequest(restApiId, prepared('errors.oas30.json'), false)
    ).catch((e: unknown) => e)
    expect((error as ActionError).message).toMatch(
      /^Input "api-definition": AWS refused errors\.oas30\.json with 2 errors:\n {2}- Unable to put integration/
    )
    expect((error as ActionError).message).toContain('and 1 warning:')
  })

  it('keeps the hash as a stage tag that the next run reads back through GetStage', async () => {
    const restApiId = await newApi()
    const pets = prepared('pets.oas30.yaml')
    await importDefinition(gateway, importRequest(restApiId, pets))
    await gateway.createDeployment({ restApiId, stageName: 'prod' })
    expect(skipDecision(await gateway.getStage(restApiId, 'prod'), 'prod', pets.hash).skip).toBe(false)
    await gateway.tagResource(
      stageArn(restApiId, 'prod', ctx.emu.region),
      definitionTag(pets.hash),
      restApiId
    )
    const stage = await gateway.getStage(restApiId, 'prod')
    expect(skipDecision(stage, 'prod', pets.hash)).toMatchObject({
      skip: true,
      deploymentId: stage?.deploymentId
    })
    expect(skipDecision(stage, 'prod', prepared('orders.swagger.json').hash).skip).toBe(false)
  })

  it('says which input names a path it cannot write', async () => {
    const blocker = join(dir, 'a-file')
    await writeArtifact('a-file', new Uint8Array([1, 2, 3]), dir, 'export-path')
    expect(readFileSync(blocker)).toEqual(Buffer.from([1, 2, 3]))
    const error = await writeArtifact('a-file/x.zip', new Uint8Array(), dir, 'sdk-path').catch(
      (e: unknown) => e
    )
    expect((error as ActionError).message).toMatch(/^Input "sdk-path": could not write .*a-file\/x\.zip: /)
    expect(isAbsolute(join(dir, 'x'))).toBe(true)
  })
})
