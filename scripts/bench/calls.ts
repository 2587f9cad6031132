/** AWS calls per scenario, side by side with the minimum each needs, every call above it explained. */
import { createSampleApi, startEmulator, type Emulator } from '../../emulator/index.js'
import { ACTION, actionEnv, runNode, tempDir } from './measure.js'

export interface CallsRow {
  scenario: string
  calls: string[]
  minimum: string[]
  /** Why each call above the minimum is made. */
  extra: string[]
}

/** The calls no implementation can do without, and why the action makes each one more. */
const SCENARIOS: {
  scenario: string
  minimum: string[]
  inputs: Record<string, string>
  setup?: Record<string, string>[]
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
  }
]

const WHY: Record<string, string> = {
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
    const rows: CallsRow[] = []
    for (const { scenario, minimum, inputs, setup } of SCENARIOS) {
      for (const before of setup ?? []) await run(emu, { ...common, ...before })
      emu.resetCalls()
      await run(emu, { ...common, ...inputs })
      const calls = emu.calls.map(call => call.operation)
      rows.push({
        scenario,
        calls,
        minimum,
        extra: above(calls, minimum).map(op => WHY[op] ?? `${op}: unexplained`)
      })
    }
    return rows
  } finally {
    await emu.stop()
  }
}

async function run(emu: Emulator, inputs: Record<string, string>): Promise<void> {
  const result = await runNode([ACTION], actionEnv(inputs, tempDir()))
  if (result.code !== 0) throw new Error(`benchmark scenario failed: ${JSON.stringify(inputs)} on ${emu.url}`)
}

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
