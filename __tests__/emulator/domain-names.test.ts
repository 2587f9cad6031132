import {
  CreateDomainNameCommand,
  DeleteDomainNameCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
  paginateGetDomainNames
} from '@aws-sdk/client-api-gateway'
import { GetDomainNameCommand as GetDomainNameV2Command } from '@aws-sdk/client-apigatewayv2'
import { sdkError, statusOf, useEmulator } from './helpers.js'
import { certificateArn, createDomain, v2Client } from './domain-helpers.js'

const ctx = useEmulator({ region: 'eu-central-1' })

describe('CreateDomainName / GetDomainName', () => {
  it('registers a regional name with its execute-api alias target', async () => {
    const created = await ctx.client.send(
      new CreateDomainNameCommand({
        domainName: 'api.regional.example.com',
        regionalCertificateArn: certificateArn('eu-central-1'),
        endpointConfiguration: { types: ['REGIONAL'] },
        securityPolicy: 'TLS_1_2',
        tags: { team: 'payments' }
      })
    )
    expect(created).toMatchObject({
      domainName: 'api.regional.example.com',
      domainNameArn: 'arn:aws:apigateway:eu-central-1::/domainnames/api.regional.example.com',
      regionalCertificateArn: certificateArn('eu-central-1'),
      regionalHostedZoneId: 'Z1U9ULNL0V5BC7',
      endpointConfiguration: { types: ['REGIONAL'], ipAddressType: 'ipv4' },
      domainNameStatus: 'AVAILABLE',
      securityPolicy: 'TLS_1_2',
      tags: { team: 'payments' }
    })
    expect(created.regionalDomainName).toMatch(/^d-[a-z0-9]{10}\.execute-api\.eu-central-1\.amazonaws\.com$/)
    expect(created.distributionDomainName).toBeUndefined()

    const got = await ctx.client.send(new GetDomainNameCommand({ domainName: 'api.regional.example.com' }))
    expect(got.regionalDomainName).toBe(created.regionalDomainName)
  })

  it('registers an edge-optimized name (the default type) with a CloudFront alias target', async () => {
    const created = await ctx.client.send(
      new CreateDomainNameCommand({
        domainName: 'api.edge.example.com',
        certificateArn: certificateArn('us-east-1')
      })
    )
    expect(created).toMatchObject({
      endpointConfiguration: { types: ['EDGE'] },
      certificateArn: certificateArn('us-east-1'),
      distributionHostedZoneId: 'Z2FDTNDATAQYW2'
    })
    expect(created.distributionDomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/)
    expect(created.certificateUploadDate).toBeInstanceOf(Date)
    expect(created.regionalDomainName).toBeUndefined()
  })

  it('answers a missing name with 404 "Invalid domain name identifier specified"', async () => {
    for (const send of [
      () => ctx.client.send(new GetDomainNameCommand({ domainName: 'nope.example.com' })),
      () => ctx.client.send(new DeleteDomainNameCommand({ domainName: 'nope.example.com' }))
    ]) {
      const err = await sdkError(send)
      expect([err.name, statusOf(err), err.message]).toEqual([
        'NotFoundException',
        404,
        'Invalid domain name identifier specified'
      ])
    }
  })

  it('refuses a taken name, a missing or misplaced certificate and the other endpoint certificate', async () => {
    await createDomain(ctx.client, ctx.emu, 'taken.example.com')
    const cases: [Record<string, unknown>, string][] = [
      [
        { domainName: 'taken.example.com', regionalCertificateArn: certificateArn('eu-central-1') },
        'The domain name you provided already exists.'
      ],
      [{ domainName: 'nocert.example.com' }, 'An edge-optimized domain name needs a certificateArn'],
      [
        { domainName: 'wrong-region.example.com', certificateArn: certificateArn('eu-central-1') },
        `Invalid certificate ARN: ${certificateArn('eu-central-1')}. Certificate must be in 'us-east-1'.`
      ],
      [
        {
          domainName: 'not-an-arn.example.com',
          certificateArn: 'arn:aws:iam::123456789012:server-certificate/x'
        },
        'Invalid certificate ARN: arn:aws:iam::123456789012:server-certificate/x'
      ],
      [
        {
          domainName: 'mixed.example.com',
          certificateArn: certificateArn('us-east-1'),
          endpointConfiguration: { types: ['REGIONAL'] }
        },
        'Cannot import certificates for EDGE while REGIONAL is active.'
      ],
      [
        { domainName: 'not a name', certificateArn: certificateArn('us-east-1') },
        'Invalid domain name: not a name'
      ]
    ]
    for (const [input, message] of cases) {
      const err = await sdkError(() => ctx.client.send(new CreateDomainNameCommand(input as never)))
      expect([err.name, statusOf(err), err.message]).toEqual(['BadRequestException', 400, message])
    }
    const listed = await ctx.client.send(new GetDomainNamesCommand({ limit: 500 }))
    expect(listed.items?.filter(d => d.domainName === 'taken.example.com')).toHaveLength(1)
  })

  it('lists names page by page and deletes them', async () => {
    for (let i = 0; i < 5; i++) await createDomain(ctx.client, ctx.emu, `page${i}.example.com`)
    const names: string[] = []
    for await (const page of paginateGetDomainNames({ client: ctx.client, pageSize: 2 }, {})) {
      expect((page.items ?? []).length).toBeLessThanOrEqual(2)
      names.push(...(page.items ?? []).map(d => d.domainName as string))
    }
    expect(names.filter(n => n.startsWith('page'))).toEqual([0, 1, 2, 3, 4].map(i => `page${i}.example.com`))

    await ctx.client.send(new DeleteDomainNameCommand({ domainName: 'page0.example.com' }))
    const err = await sdkError(() =>
      ctx.client.send(new GetDomainNameCommand({ domainName: 'page0.example.com' }))
    )
    expect(statusOf(err)).toBe(404)
  })
})

describe('GetDomainName (v2)', () => {
  it('shows a regional v1 name as a v2 domain name', async () => {
    const created = await createDomain(ctx.client, ctx.emu, 'v2view.example.com')
    const v2 = v2Client(ctx.emu)
    try {
      const got = await v2.send(new GetDomainNameV2Command({ DomainName: 'v2view.example.com' }))
      expect(got).toMatchObject({
        DomainName: 'v2view.example.com',
        ApiMappingSelectionExpression: '$request.basepath',
        DomainNameConfigurations: [
          {
            ApiGatewayDomainName: created.regionalDomainName,
            CertificateArn: certificateArn('eu-central-1'),
            DomainNameStatus: 'AVAILABLE',
            EndpointType: 'REGIONAL',
            HostedZoneId: 'Z1U9ULNL0V5BC7',
            SecurityPolicy: 'TLS_1_2'
          }
        ]
      })
    } finally {
      v2.destroy()
    }
  })

  it("refuses an edge-optimized name with AWS's message, and a missing one with 404", async () => {
    await createDomain(ctx.client, ctx.emu, 'v2edge.example.com', 'EDGE')
    const v2 = v2Client(ctx.emu)
    try {
      const edge = await sdkError(() =>
        v2.send(new GetDomainNameV2Command({ DomainName: 'v2edge.example.com' }))
      )
      expect([edge.name, statusOf(edge)]).toEqual(['BadRequestException', 400])
      expect(edge.message).toMatch(
        /^Only REGIONAL domain names can be managed through the API Gateway V2 API/
      )
      const missing = await sdkError(() =>
        v2.send(new GetDomainNameV2Command({ DomainName: 'no.example.com' }))
      )
      expect([missing.name, statusOf(missing), missing.message]).toEqual([
        'NotFoundException',
        404,
        'Invalid domain name identifier specified'
      ])
    } finally {
      v2.destroy()
    }
  })
})
