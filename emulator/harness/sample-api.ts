import {
  APIGatewayClient,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand
} from '@aws-sdk/client-api-gateway'

interface SampleApiOptions {
  endpoint: string
  region: string
  name?: string
  /** The API's endpoint type (AWS's default, EDGE, when absent). PRIVATE APIs are served like any other. */
  endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE'
}

const ROUTES = [
  { pathPart: 'health', template: '{"status":"ok","deployment":"$context.deploymentId"}' },
  {
    pathPart: 'hello',
    template: '{"message":"$stageVariables.greeting","deployment":"$context.deploymentId"}'
  }
]

/**
 * Creates a small REST API (GET /health and GET /hello, both MOCK) with the real SDK. It sticks to
 * standard operations in the usual order so it also runs against moto's server.
 */
export async function createSampleApi(opts: SampleApiOptions): Promise<{ restApiId: string }> {
  const client = new APIGatewayClient({
    endpoint: opts.endpoint,
    region: opts.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
  try {
    const api = await client.send(
      new CreateRestApiCommand({
        name: opts.name ?? 'sample-api',
        ...(opts.endpointType && { endpointConfiguration: { types: [opts.endpointType] } })
      })
    )
    const restApiId = api.id as string
    // Looked up rather than read from rootResourceId, which not every implementation returns.
    const resources = await client.send(new GetResourcesCommand({ restApiId }))
    const rootId = resources.items?.find(r => r.path === '/')?.id as string
    for (const route of ROUTES) await addMockRoute(client, restApiId, rootId, route.pathPart, route.template)
    return { restApiId }
  } finally {
    client.destroy()
  }
}

export interface MockRouteOptions {
  /** Serve the method only with an enabled API key from a usage plan of the stage (x-api-key header). */
  apiKeyRequired?: boolean
}

/** Adds `httpMethod /pathPart` under `parentId`: a MOCK integration answering 200 with `template`. */
export async function addMockRoute(
  client: APIGatewayClient,
  restApiId: string,
  parentId: string,
  pathPart: string,
  template: string,
  httpMethod = 'GET',
  options: MockRouteOptions = {}
): Promise<string> {
  const resource = await client.send(new CreateResourceCommand({ restApiId, parentId, pathPart }))
  const target = { restApiId, resourceId: resource.id as string, httpMethod }
  await client.send(
    new PutMethodCommand({ ...target, authorizationType: 'NONE', apiKeyRequired: options.apiKeyRequired })
  )
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
