/**
 * How fast and how surely a canary that goes bad is caught.
 * - Time to rollback: a 10% canary starts failing 20% of its requests 30% into a step's bake (120 s at 15 s
 *   checks, scaled down 10x to 12 s at 1.5 s); the time from then to the rollback's completion is compared
 *   with the target, one check interval plus one probe round.
 * - Miss rate: seeded repeats of one check round against a 10% canary failing 20% of its requests; how many
 *   pass unnoticed (the probe sizing promises at most 1%).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  type CreateDeploymentCommandOutput
} from '@aws-sdk/client-api-gateway'
import { createSampleApi, startEmulator, type Emulator } from '../../emulator/index.js'
import { healthProbes } from '../../src/canary/checks/health-probes.js'
import { runProbes, summarize } from '../../src/canary/checks/probes.js'
import { parseStatusRanges } from '../../src/canary/checks/status-ranges.js'
import type { HealthCheckInputs } from '../../src/inputs/index.js'
import { ACTION, actionEnv, median, runNode, tempDir } from './measure.js'

const check = (overrides: Partial<HealthCheckInputs> = {}): HealthCheckInputs => ({
  path: '/health',
  method: 'GET',
  headers: {},
  expectedStatus: parseStatusRanges('200-399') ?? [],
  timeoutMs: 5000,
  probes: 10,
  concurrency: 8,
  maxFailureRatio: 0,
  ...overrides
})

export interface DetectionFigures {
  intervalS: number
  roundMs: number
  detectionMs: number[]
  targetMs: number
  rolledBack: number
  repeats: number
  missed: number
  probesPerRound: number
}

export async function measureDetection(
  detectionRepeats: number,
  missRepeats: number
): Promise<DetectionFigures> {
  const emu = await startEmulator({ seed: 11, quotas: { createDeploymentIntervalMs: 0, stagesPerApi: 100 } })
  const client = new APIGatewayClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'b', secretAccessKey: 'b' }
  })
  try {
    const { restApiId } = await createSampleApi({
      endpoint: emu.url,
      region: emu.region,
      name: 'bench-detect'
    })
    const miss = await missRate(emu, client, restApiId, missRepeats)
    const intervalS = 1.5
    const detectionMs: number[] = []
    let rolledBack = 0
    for (let i = 0; i < detectionRepeats; i++) {
      const result = await timeToRollback(emu, restApiId, `detect${i}`, intervalS)
      detectionMs.push(result.ms)
      if (result.rolledBack) rolledBack++
    }
    return { intervalS, detectionMs, targetMs: intervalS * 1000 + miss.roundMs, rolledBack, ...miss }
  } finally {
    client.destroy()
    await emu.stop()
  }
}

async function timeToRollback(
  emu: Emulator,
  restApiId: string,
  stageName: string,
  intervalS: number
): Promise<{ ms: number; rolledBack: boolean }> {
  const common = {
    'rest-api-id': restApiId,
    'aws-region': emu.region,
    'endpoint-url': emu.url,
    'stage-name': stageName
  }
  await runNode([ACTION], actionEnv(common, tempDir()))
  const env = actionEnv(
    {
      ...common,
      'canary-percent': '10',
      'bake-time': '12',
      'health-check-interval': String(intervalS),
      'health-check-path': '/health'
    },
    tempDir()
  )
  const running = runNode([ACTION], env)
  const canaryId = await until(() => emu.getStage(restApiId, stageName)?.canarySettings?.deploymentId, 20_000)
  await new Promise(resolve => setTimeout(resolve, 3600))
  emu.setDeploymentBehaviour(restApiId, canaryId, { status: 500, failRatio: 0.2 })
  const failingFrom = performance.now()
  await until(() => !emu.getStage(restApiId, stageName)?.canarySettings || undefined, 30_000)
  const ms = performance.now() - failingFrom
  const result = await running
  return {
    ms,
    rolledBack: result.code === 1 && emu.getStage(restApiId, stageName)?.deploymentId !== canaryId
  }
}

async function missRate(
  emu: Emulator,
  client: APIGatewayClient,
  restApiId: string,
  repeats: number
): Promise<{ repeats: number; missed: number; probesPerRound: number; roundMs: number }> {
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'miss' }))
  const canary: CreateDeploymentCommandOutput = await client.send(
    new CreateDeploymentCommand({ restApiId, stageName: 'miss', canarySettings: { percentTraffic: 10 } })
  )
  emu.setDeploymentBehaviour(restApiId, canary.id as string, { status: 500, failRatio: 0.2 })
  const probes = healthProbes(check(), emu.invokeUrl(restApiId, 'miss'))
  let missed = 0
  let probesPerRound = 0
  const rounds: number[] = []
  await quietly(async () => {
    for (let i = 0; i < repeats; i++) {
      emu.seed(1000 + i)
      const tally = probes.startStep(10)
      const started = performance.now()
      if ((await tally.round(new AbortController().signal)) === undefined) missed++
      rounds.push(performance.now() - started)
      probesPerRound = tally.report().probes ?? 0
    }
  })
  return { repeats, missed, probesPerRound, roundMs: median(rounds) }
}

export interface ProbeFigures {
  probes: number
  concurrency: number
  perSecond: number
  clientP50: number
  clientP95: number
  serverP50: number
  serverP95: number
}

/** Probe throughput against a local server that answers in 20 ms, and whether the latencies agree. */
export async function measureProbes(count: number, concurrency: number): Promise<ProbeFigures> {
  const handled: number[] = []
  const server = createServer((_, response) => {
    const started = performance.now()
    setTimeout(() => {
      response.writeHead(200).end('ok')
      handled.push(performance.now() - started)
    }, 20)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`
    const started = performance.now()
    const batch = summarize(await runProbes(check({ url, concurrency }), url, count))
    const elapsed = performance.now() - started
    handled.sort((a, b) => a - b)
    const at = (p: number): number =>
      Math.round(handled[Math.min(handled.length - 1, Math.ceil((p / 100) * handled.length) - 1)])
    return {
      probes: count,
      concurrency,
      perSecond: Math.round(count / (elapsed / 1000)),
      clientP50: batch.latencyMs?.p50 ?? 0,
      clientP95: batch.latencyMs?.p95 ?? 0,
      serverP50: at(50),
      serverP95: at(95)
    }
  } finally {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
}

async function until<T>(value: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = value()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error('benchmark: timed out waiting')
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}

/** The probe code logs each round (core.info): keep the benchmark's own output readable. */
async function quietly(work: () => Promise<void>): Promise<void> {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (() => true) as typeof process.stdout.write
  try {
    await work()
  } finally {
    process.stdout.write = write
  }
}
