import { request } from 'node:http'
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { CreateDomainNameCommand } from '@aws-sdk/client-api-gateway'
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2'
import type { Emulator } from '../../emulator/index.js'

// Test support for custom domain names: a v2 client, domain registration through the v1 SDK, and
// requests addressed by Host header (fetch cannot set Host, node:http can).

/** An API Gateway v2 client pointed at the emulator, without retries. */
export function v2Client(emu: Emulator): ApiGatewayV2Client {
  return new ApiGatewayV2Client({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1
  })
}

/** Well-formed ACM ARNs: the emulator checks their shape and region, never the certificate. */
export const certificateArn = (region: string, id = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'): string =>
  `arn:aws:acm:${region}:123456789012:certificate/${id}`

/** Registers a REGIONAL (TLS 1.2) or EDGE custom domain name through the v1 SDK. */
export async function createDomain(
  client: APIGatewayClient,
  emu: Emulator,
  domainName: string,
  type: 'REGIONAL' | 'EDGE' = 'REGIONAL',
  securityPolicy: 'TLS_1_0' | 'TLS_1_2' = 'TLS_1_2'
) {
  return client.send(
    new CreateDomainNameCommand({
      domainName,
      endpointConfiguration: { types: [type] },
      securityPolicy,
      ...(type === 'REGIONAL'
        ? { regionalCertificateArn: certificateArn(emu.region) }
        : { certificateArn: certificateArn('us-east-1') })
    })
  )
}

export interface HostResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends a request to the emulator with `Host: {host}` (the port is kept, as a client would send it). */
export function requestWithHost(
  emu: Emulator,
  host: string,
  path: string,
  method = 'GET'
): Promise<HostResponse> {
  const { port } = new URL(emu.url)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `${host}:${port}` } },
      res => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', chunk => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end()
  })
}
