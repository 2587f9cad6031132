/**
 * The shared end-to-end setup: an emulator and a sample REST API for the test file, cleared faults and call
 * log before each test, and helpers to run the action against them and check what a rollback leaves.
 */
import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals'
import { createSampleApi, startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js'
import { runAction, type ActionRun, type RunOptions } from './run-action.js'

export interface ActionFixture {
  readonly emu: Emulator
  readonly restApiId: string
  readonly region: string
  /** The inputs every run needs: the API, region and emulator endpoint. */
  common(): Record<string, string>
  run(inputs: Record<string, string>, options?: RunOptions): Promise<ActionRun>
  /** A fresh stage serving a first deployment. */
  baseStage(variables?: string): Promise<{ stageName: string; base: string }>
  /** The stage serves `base`, has no canary, and the run's canary deployment is gone. */
  expectRolledBack(stageName: string, base: string, run: ActionRun): void
  /** The control-plane operations since the last reset, in order (GetRestApi before GetStage). */
  operations(): string[]
}

export function useActionFixture(options: {
  region: string
  apiName: string
  seed?: number
  /** More emulator options (its quotas are merged with the fixture's). */
  emulator?: EmulatorOptions
}): ActionFixture {
  let emu: Emulator | undefined
  let restApiId = ''
  let stageCounter = 0
  beforeAll(async () => {
    // Every test makes its own stages: raise the 10-stage quota; no CreateDeployment rate unless a test sets one.
    emu = await startEmulator({
      ...options.emulator,
      region: options.region,
      seed: options.seed ?? 1,
      quotas: { createDeploymentIntervalMs: 0, stagesPerApi: 100, ...options.emulator?.quotas }
    })
    restApiId = (await createSampleApi({ endpoint: emu.url, region: options.region, name: options.apiName }))
      .restApiId
  })
  afterAll(async () => emu?.stop())
  beforeEach(() => {
    emu?.faults.clear()
    emu?.resetCalls()
  })

  const fixture: ActionFixture = {
    get emu() {
      if (!emu) throw new Error('the emulator starts in beforeAll')
      return emu
    },
    get restApiId() {
      return restApiId
    },
    region: options.region,
    common: () => ({
      'rest-api-id': restApiId,
      'aws-region': options.region,
      'endpoint-url': fixture.emu.url
    }),
    run: (inputs, runOptions) => runAction({ ...fixture.common(), ...inputs }, runOptions),
    async baseStage(variables = 'greeting=v1') {
      const stageName = `stage${++stageCounter}`
      const run = await fixture.run({ 'stage-name': stageName, 'stage-variables': variables })
      expect(run.code).toBe(0)
      fixture.emu.resetCalls()
      return { stageName, base: run.outputs['deployment-id'] }
    },
    expectRolledBack(stageName, base, run) {
      const stage = fixture.emu.getStage(restApiId, stageName)
      expect(stage?.deploymentId).toBe(base)
      expect(stage?.canarySettings).toBeUndefined()
      const canaryId = run.outputs['canary-deployment-id']
      expect(canaryId).toMatch(/^\w+$/)
      expect(fixture.emu.getDeployments(restApiId).map(d => d.id)).not.toContain(canaryId)
    },
    operations: () => {
      const ops = fixture.emu.calls.map(call => call.operation)
      // GetRestApi (the name, for the summary) goes out beside GetStage: their arrival order is not the action's.
      if (ops[0] === 'GetStage' && ops[1] === 'GetRestApi') ops.splice(0, 2, 'GetRestApi', 'GetStage')
      return ops
    }
  }
  return fixture
}
