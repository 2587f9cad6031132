/**
 * Contention: N runs deploying different stages of one API at once, with the emulator enforcing its
 * CreateDeployment quota (AWS: 1 per 5 s per account; here 1 per second, scaled down). Every run must
 * succeed; the total time is compared with the floor the quota sets.
 *
 * Not scaled further (say 1 per 250 ms): API Gateway's Retry-After is in whole seconds, so a retry cannot
 * come back sooner than a second, and the figure would measure the header's granularity, not the action.
 */
import { createSampleApi, startEmulator } from '../../emulator/index.js'
import { ACTION, actionEnv, runNode, tempDir } from './measure.js'

export interface ContentionFigures {
  runs: number
  intervalMs: number
  succeeded: number
  totalMs: number
  floorMs: number
  ratio: number
  throttled: number
}

export async function measureContention(runs: number, intervalMs: number): Promise<ContentionFigures> {
  const emu = await startEmulator({ quotas: { createDeploymentIntervalMs: intervalMs, stagesPerApi: 100 } })
  try {
    const { restApiId } = await createSampleApi({ endpoint: emu.url, region: emu.region, name: 'bench-busy' })
    const common = { 'rest-api-id': restApiId, 'aws-region': emu.region, 'endpoint-url': emu.url }
    // One uncontended run first: the floor is that run, plus one quota interval for each run after it.
    const single = await runNode([ACTION], actionEnv({ ...common, 'stage-name': 'solo' }, tempDir()))
    await new Promise(resolve => setTimeout(resolve, intervalMs))
    emu.resetCalls()
    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: runs }, (_, i) =>
        runNode(
          [ACTION],
          actionEnv({ ...common, 'stage-name': `pr-${i + 1}`, 'retry-deadline-seconds': '300' }, tempDir())
        )
      )
    )
    const totalMs = performance.now() - started
    const floorMs = single.ms + (runs - 1) * intervalMs
    return {
      runs,
      intervalMs,
      succeeded: results.filter(r => r.code === 0).length,
      totalMs,
      floorMs,
      ratio: totalMs / floorMs,
      throttled: emu.calls.filter(c => c.operation === 'CreateDeployment' && c.status === 429).length
    }
  } finally {
    await emu.stop()
  }
}
