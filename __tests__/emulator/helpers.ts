import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand
} from '@aws-sdk/client-api-gateway'
import type { Emulator } from '../../emulator/index.js'

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

/** Adds GET <path> with a MOCK integration answering 200 with `template` under `parentId`. */
export async function addMockRoute(
  client: APIGatewayClient,
  restApiId: string,
  parentId: string,
  pathPart: string,
  template: string,
  httpMethod = 'GET'
): Promise<string> {
  const resource = await client.send(new CreateResourceCommand({ restApiId, parentId, pathPart }))
  const target = { restApiId, resourceId: resource.id as string, httpMethod }
  await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }))
  await client.send(new PutMethodResponseCommand({ ...target, statusCode: '200' }))
  await client.send(
    new PutIntegrationCommand({
      ...target,
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' }
    })
  )
  await client.send(
    new PutIntegrationResponseCommand({
      ...target,
      statusCode: '200',
      responseTemplates: { 'application/json': template }
    })
  )
  return resource.id as string
}

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
