import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { addMockRoute } from '../../emulator/sample-api.js'

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

/** Runs `fn` expecting an SDK error and returns it. */
export async function sdkError(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn()
  } catch (err) {
    return err as Error & Record<string, unknown>
  }
  throw new Error('expected the call to fail')
}

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
export function useEmulator(options: Parameters<typeof startEmulator>[0]): EmulatorFixture {
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
