/** AWS calls per scenario, side by side with the minimum each needs, every call above it explained. */
import {
  APIGatewayClient,
  CreateDomainNameCommand,
  CreateUsagePlanCommand
} from '@aws-sdk/client-api-gateway'
import { fileURLToPath } from 'node:url'
import { createSampleApi, startEmulator, type Emulator } from '../../emulator/index.js'
import { ACTION, actionEnv, runNode, tempDir } from './measure.js'

export interface CallsRow {
  scenario: string
  calls: string[]
  minimum: string[]
  /** Why each call above the minimum is made. */
  extra: string[]
}

// The emulator's sample OpenAPI file (MOCK integrations), by absolute path: the action reads it from disk.
const PETS_DEFINITION = fileURLToPath(
  new URL('../../__tests__/emulator/fixtures/definitions/pets.oas30.yaml', import.meta.url)
)

const SETTINGS = {
  'throttling-rate-limit': '100',
  'throttling-burst-limit': '200',
  'metrics-enabled': 'true',
  'logging-level': 'OFF',
  'method-settings': '"/hello GET": { cache-ttl: 30, throttling-rate-limit: 10 }',
  tags: 'team=bench'
}

const NINETY_OPERATIONS = Array.from(
  { length: 30 },
  (_, i) => `"/m${i} GET": { cache-ttl: 10, metrics-enabled: true, throttling-rate-limit: ${i + 1} }`
).join('\n')

/** The calls made beyond the minimum (a multiset difference). */
export function above(calls: string[], minimum: string[]): string[] {
  const left = [...minimum]
  return calls.filter(op => {
    const i = left.indexOf(op)
    if (i < 0) return true
    left.splice(i, 1)
    return false
  })
}

/** The calls no implementation can do without, and why the action makes each one more. */
const SCENARIOS: {
  scenario: string
  minimum: string[]
  inputs: Record<string, string>
  setup?: Record<string, string>[]
  /** Setup the action cannot do (usage plans, domains), through the SDK. */
  prepare?: (client: APIGatewayClient, restApiId: string, emu: Emulator) => Promise<void>
  /** The run is meant to fail (a release switched back). */
  fails?: boolean
}[] = [
  {
    scenario: 'plain deploy, new stage',
    minimum: ['GetStage', 'CreateDeployment'],
    inputs: { 'stage-name': 'fresh' }
  },
  {
    scenario: 'plain deploy, existing stage',
    minimum: ['GetStage', 'CreateDeployment', 'UpdateStage'],
    setup: [{ 'stage-name': 'plain' }],
    inputs: { 'stage-name': 'plain' }
  },
  {
    scenario: 'canary, 3 steps, promoted',
    // Create the canary at the first share, shift twice, promote.
    minimum: ['GetStage', 'CreateDeployment', 'UpdateStage', 'UpdateStage', 'UpdateStage'],
    setup: [{ 'stage-name': 'canary3' }],
    inputs: {
      'stage-name': 'canary3',
      'canary-percent': '10',
      'canary-steps': '25,50',
      'health-check-path': '/health'
    }
  },
  {
    scenario: 'canary judged on its metrics (canary-analysis), promoted',
    // The API's name (CloudWatch's ApiName dimension), the canary, one read of both groups' metrics when
    // the bake ends, promotion in two calls.
    minimum: ['GetRestApi', 'GetStage', 'CreateDeployment', 'GetMetricData', 'UpdateStage', 'UpdateStage'],
    setup: [{ 'stage-name': 'analysed', 'metrics-enabled': 'true' }],
    // The probes are the traffic the emulator records: about a tenth of them reach the canary.
    inputs: {
      'stage-name': 'analysed',
      'canary-percent': '10',
      'bake-time': '1',
      'health-check-path': '/health',
      'canary-analysis': 'true',
      'analysis-metrics': '5XXError',
      'min-canary-requests': '10'
    }
  },
  {
    scenario: 'promote-canary',
    minimum: ['GetStage', 'UpdateStage'],
    setup: [
      { 'stage-name': 'promote' },
      { 'stage-name': 'promote', 'canary-percent': '10', promote: 'false' }
    ],
    inputs: { 'stage-name': 'promote', command: 'promote-canary' }
  },
  {
    scenario: 'rollback-canary',
    // Removing the canary, and deleting its deployment so nothing is left that no stage uses.
    minimum: ['GetStage', 'UpdateStage', 'DeleteDeployment'],
    setup: [
      { 'stage-name': 'rollback' },
      { 'stage-name': 'rollback', 'canary-percent': '10', promote: 'false' }
    ],
    inputs: { 'stage-name': 'rollback', command: 'rollback-canary' }
  },
  {
    scenario: 'deploy with stage settings (throttling, logging off, method settings, tags)',
    // The settings ride in the switch; tags are another API.
    minimum: ['GetStage', 'CreateDeployment', 'UpdateStage', 'TagResource'],
    setup: [{ 'stage-name': 'settings' }],
    inputs: { 'stage-name': 'settings', ...SETTINGS }
  },
  {
    scenario: 'configure-stage, already as asked',
    minimum: ['GetStage'],
    setup: [{ 'stage-name': 'same' }, { 'stage-name': 'same', ...SETTINGS }],
    inputs: { 'stage-name': 'same', command: 'configure-stage', ...SETTINGS }
  },
  {
    scenario: 'configure-stage, 90 method settings',
    // AWS takes at most 80 patch operations in one UpdateStage.
    minimum: ['GetStage', 'UpdateStage', 'UpdateStage'],
    setup: [{ 'stage-name': 'many' }],
    inputs: { 'stage-name': 'many', command: 'configure-stage', 'method-settings': NINETY_OPERATIONS }
  },
  {
    scenario: 'new stage joins the usage plans of another (inherit)',
    minimum: ['GetStage', 'GetUsagePlans', 'CreateDeployment', 'UpdateUsagePlan'],
    setup: [{ 'stage-name': 'keyed' }],
    prepare: async (client, restApiId) =>
      void (await client.send(
        new CreateUsagePlanCommand({ name: 'bench', apiStages: [{ apiId: restApiId, stage: 'keyed' }] })
      )),
    inputs: { 'stage-name': 'keyed-pr', 'usage-plans': 'inherit' }
  },
  {
    scenario: 'promote a stage to another (from-stage)',
    // Both stages read; one switch; no deployment created.
    minimum: ['GetStage', 'GetStage', 'UpdateStage'],
    setup: [{ 'stage-name': 'from-test' }, { 'stage-name': 'from-prod' }],
    inputs: { 'stage-name': 'from-prod', 'from-stage': 'from-test' }
  },
  {
    scenario: 'roll back to a deployment (to-deployment)',
    minimum: ['GetStage', 'UpdateStage'],
    setup: [{ 'stage-name': 'back', 'stage-variables': 'v=1' }],
    inputs: { 'stage-name': 'back', 'to-deployment': 'LATER' }
  },
  {
    scenario: 'plain deploy checked, switched back',
    minimum: ['GetStage', 'CreateDeployment', 'UpdateStage', 'UpdateStage', 'DeleteDeployment'],
    setup: [{ 'stage-name': 'checked', 'stage-variables': 'greeting=good' }],
    inputs: {
      'stage-name': 'checked',
      'stage-variables': 'greeting=broken',
      'health-check-path': '/hello',
      'health-check-body-contains': 'good'
    },
    fails: true
  },
  {
    scenario: 'preview of a pull request, first push (new stage)',
    // The stage count is the quota check before a new stage (GitHub's calls are not AWS's, not counted).
    minimum: ['GetStage', 'GetStages', 'CreateDeployment'],
    inputs: { preview: 'true', 'pull-request': '7', 'stage-quota': '100' }
  },
  {
    scenario: 'preview of a pull request, next push',
    // The switch, then the preview's previous deployment deleted once no stage uses it.
    minimum: ['GetStage', 'CreateDeployment', 'UpdateStage', 'GetStages', 'DeleteDeployment'],
    setup: [{ preview: 'true', 'pull-request': '8', 'stage-quota': '100' }],
    inputs: { preview: 'true', 'pull-request': '8', 'stage-quota': '100' }
  },
  {
    scenario: 'delete-stage of a closed preview',
    // The mappings to remove (one GetDomainNames, none here), the stage, its deployment once unused.
    minimum: ['GetStage', 'GetDomainNames', 'DeleteStage', 'GetStages', 'DeleteDeployment'],
    setup: [{ preview: 'true', 'pull-request': '9', 'stage-quota': '100' }],
    inputs: { preview: 'true', 'pull-request': '9', 'stage-quota': '100', command: 'delete-stage' }
  },
  {
    scenario: 'deploy an OpenAPI file to an existing stage',
    minimum: ['GetStage', 'PutRestApi', 'CreateDeployment', 'UpdateStage'],
    setup: [{ 'stage-name': 'openapi', 'api-definition': PETS_DEFINITION, 'api-definition-mode': 'merge' }],
    inputs: { 'stage-name': 'openapi', 'api-definition': PETS_DEFINITION, 'api-definition-mode': 'merge' }
  },
  {
    scenario: 'the same OpenAPI file again (skip-unchanged)',
    minimum: ['GetStage'],
    setup: [
      {
        'stage-name': 'unchanged',
        'api-definition': PETS_DEFINITION,
        'api-definition-mode': 'merge',
        'skip-unchanged': 'true'
      }
    ],
    inputs: {
      'stage-name': 'unchanged',
      'api-definition': PETS_DEFINITION,
      'api-definition-mode': 'merge',
      'skip-unchanged': 'true'
    }
  },
  {
    scenario: 'deploy mapping a new custom domain path',
    minimum: ['GetStage', 'GetBasePathMappings', 'CreateBasePathMapping', 'CreateDeployment', 'UpdateStage'],
    setup: [{ 'stage-name': 'mapped' }],
    prepare: async (client, _restApiId, emu) =>
      void (await client.send(
        new CreateDomainNameCommand({
          domainName: 'bench.example.com',
          endpointConfiguration: { types: ['REGIONAL'] },
          regionalCertificateArn: `arn:aws:acm:${emu.region}:123456789012:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`
        })
      )),
    inputs: { 'stage-name': 'mapped', 'domain-name': 'bench.example.com', 'base-path': 'v1' }
  }
]

const WHY: Record<string, string> = {
  GetExport:
    "GetExport: the stage's definition before the import, so the summary lists the paths, methods and integrations the import changes",
  GetDeployment:
    'GetDeployment: to-deployment is read before the switch, so an unknown id fails listing the recent ones instead of half-way',
  GetDomainName:
    'GetDomainName: tells a missing domain (with how to create it) and an edge domain (no multi-level paths) apart before any write',
  GetMetricData:
    "GetMetricData: one read before the canary exists, so a role without cloudwatch:GetMetricData fails before any change, and the log forecasts the canary traffic from the stage's last 15 minutes",
  GetRestApi:
    "GetRestApi: the API's name for the log and the summary; sent beside GetStage, so it adds no wait",
  UpdateStage:
    "UpdateStage: promotion in AWS's documented two calls (share 0, copy deployment and variables; then remove the canary settings), so a failed second call leaves a promoted stage, never a half-promoted one"
}

export async function measureCalls(): Promise<CallsRow[]> {
  const emu = await startEmulator({ quotas: { createDeploymentIntervalMs: 0, stagesPerApi: 100 } })
  try {
    const { restApiId } = await createSampleApi({
      endpoint: emu.url,
      region: emu.region,
      name: 'bench-calls'
    })
    const common = { 'rest-api-id': restApiId, 'aws-region': emu.region, 'endpoint-url': emu.url }
    const client = new APIGatewayClient({
      endpoint: emu.url,
      region: emu.region,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
    })
    const rows: CallsRow[] = []
    for (const { scenario, minimum, inputs, setup, prepare, fails } of SCENARIOS) {
      let previous = ''
      for (const before of setup ?? []) previous = await run(emu, { ...common, ...before })
      await prepare?.(client, restApiId, emu)
      // to-deployment goes back to the deployment the stage served before its last deploy.
      if (inputs['to-deployment'] === 'LATER') {
        await run(emu, { ...common, 'stage-name': inputs['stage-name'], 'stage-variables': 'v=2' })
        inputs['to-deployment'] = previous
      }
      emu.resetCalls()
      await run(emu, { ...common, ...inputs }, fails)
      const calls = emu.calls.map(call => call.operation)
      rows.push({
        scenario,
        calls,
        minimum,
        extra: above(calls, minimum).map(op => WHY[op] ?? `${op}: unexplained`)
      })
    }
    client.destroy()
    return rows
  } finally {
    await emu.stop()
  }
}

/** Runs the action; the deployment the stage serves afterwards. */
async function run(emu: Emulator, inputs: Record<string, string>, fails = false): Promise<string> {
  const dir = tempDir()
  const result = await runNode([ACTION], actionEnv(inputs, dir))
  if ((result.code !== 0) !== fails)
    throw new Error(
      `benchmark scenario ${fails ? 'did not fail' : 'failed'}: ${JSON.stringify(inputs)} on ${emu.url}`
    )
  return (
    emu.getStage(inputs['rest-api-id'], inputs['stage-name'] ?? `pr-${inputs['pull-request']}`)
      ?.deploymentId ?? ''
  )
}
