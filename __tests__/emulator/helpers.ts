import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll } from '@jest/globals'
import {
  addMockRoute,
  createSampleApi,
  startEmulator,
  type Emulator,
  type EmulatorOptions
} from '../../emulator/index.js'

export { addMockRoute }

/** A real SDK client pointed at the emulator; maxAttempts 1 makes injected errors visible without retries. */
export function sdkClient(emu: Emulator, maxAttempts = 1): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts
  })
}

/**
 * A client that gives up on a call after `ms`. The SDK's requestTimeout only logs a warning unless
 * throwOnRequestTimeout is set, and would otherwise wait for a hung call forever.
 */
export function impatientClient(emu: Emulator, ms: number): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: { requestTimeout: ms, throwOnRequestTimeout: true }
  })
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Polls `condition` every 10 ms until it holds; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(10)
  }
}

/** Runs `fn` expecting an SDK error and returns it. */
export async function sdkError(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn()
  } catch (err) {
    return err as Error & Record<string, unknown>
  }
  throw new Error('expected the call to fail')
}

/**
 * What a network-level SDK error says about the connection, e.g. "ECONNRESET". Under jest's VM modules
 * the SDK wraps errors from node:http (another realm) and only their message survives, so both are read.
 */
export const networkErrorOf = (err: Record<string, unknown>): string =>
  `${String(err.code)} ${String(err.message)}`

export const statusOf = (err: Record<string, unknown>): number | undefined =>
  (err.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode

/** A REST API with GET /ping (MOCK) deployed to `stageName`; returns ids. */
export async function deployedApi(
  client: APIGatewayClient,
  stageName = 'prod',
  variables?: Record<string, string>
): Promise<{ restApiId: string; rootId: string; deploymentId: string }> {
  const api = await client.send(new CreateRestApiCommand({ name: 'test-api' }))
  const restApiId = api.id as string
  const rootId = api.rootResourceId as string
  await addMockRoute(client, restApiId, rootId, 'ping', '{"pong":true,"deployment":"$context.deploymentId"}')
  const deployment = await client.send(new CreateDeploymentCommand({ restApiId, stageName, variables }))
  return { restApiId, rootId, deploymentId: deployment.id as string }
}

export interface Hit {
  status: number
  deploymentId: string | null
  canary: boolean
  /** x-emulator-fault: set when a deployment behaviour replaced the answer. */
  fault: string | null
  body: string
}

/** Sends `count` GETs to `url`, `concurrency` at a time. */
export async function hitMany(url: string, count: number, concurrency = 25): Promise<Hit[]> {
  const hits: Hit[] = []
  for (let done = 0; done < count; done += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - done) }, async () => {
      const res = await fetch(url)
      return {
        status: res.status,
        deploymentId: res.headers.get('x-emulator-deployment-id'),
        canary: res.headers.get('x-emulator-canary') === 'true',
        fault: res.headers.get('x-emulator-fault'),
        body: await res.text()
      }
    })
    hits.push(...(await Promise.all(batch)))
  }
  return hits
}

export interface EmulatorFixture {
  readonly emu: Emulator
  readonly client: APIGatewayClient
}

/** Starts an emulator and an SDK client for a test file, and stops both after it. */
export function useEmulator(options: EmulatorOptions): EmulatorFixture {
  let emu: Emulator | undefined
  let client: APIGatewayClient | undefined
  beforeAll(async () => {
    emu = await startEmulator(options)
    client = sdkClient(emu)
  })
  afterAll(async () => {
    client?.destroy()
    await emu?.stop()
  })
  return {
    get emu() {
      if (!emu) throw new Error('the emulator starts in beforeAll')
      return emu
    },
    get client() {
      if (!client) throw new Error('the SDK client is made in beforeAll')
      return client
    }
  }
}

/** The sample API deployed to `prod` with a greeting, plus a canary deployment at `percent`. */
export async function canaryApi(
  { emu, client }: EmulatorFixture,
  percent: number
): Promise<{ restApiId: string; base: string; canary: string }> {
  const { restApiId } = await createSampleApi({ endpoint: emu.url, region: emu.region })
  const base = await client.send(
    new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { greeting: 'hello' } })
  )
  const canary = await client.send(
    new CreateDeploymentCommand({
      restApiId,
      stageName: 'prod',
      canarySettings: { percentTraffic: percent, stageVariableOverrides: { greeting: 'bonjour' } }
    })
  )
  return { restApiId, base: base.id as string, canary: canary.id as string }
}
