import { describe, expect, it } from '@jest/globals'
import { baseUrl, consoleStageUrl, dnsSuffix, invokeUrl, partition, stageArn } from '../../src/urls.js'

describe('invokeUrl', () => {
  it.each([
    ['us-east-1', 'https://abc123.execute-api.us-east-1.amazonaws.com/prod'],
    ['eu-central-2', 'https://abc123.execute-api.eu-central-2.amazonaws.com/prod'],
    ['cn-northwest-1', 'https://abc123.execute-api.cn-northwest-1.amazonaws.com.cn/prod'],
    ['us-gov-west-1', 'https://abc123.execute-api.us-gov-west-1.amazonaws.com/prod'],
    ['us-iso-east-1', 'https://abc123.execute-api.us-iso-east-1.c2s.ic.gov/prod'],
    ['us-isob-east-1', 'https://abc123.execute-api.us-isob-east-1.sc2s.sgov.gov/prod'],
    ['eu-isoe-west-1', 'https://abc123.execute-api.eu-isoe-west-1.cloud.adc-e.uk/prod'],
    ['us-isof-south-1', 'https://abc123.execute-api.us-isof-south-1.csp.hci.ic.gov/prod'],
    ['eusc-de-east-1', 'https://abc123.execute-api.eusc-de-east-1.amazonaws.eu/prod']
  ])('uses the partition DNS suffix for %s', (region, url) => {
    expect(invokeUrl('abc123', 'prod', region)).toBe(url)
  })

  it("uses LocalStack's form with an endpoint URL", () => {
    expect(invokeUrl('abc123', 'pr-7', 'us-east-1', 'http://127.0.0.1:4566')).toBe(
      'http://127.0.0.1:4566/restapis/abc123/pr-7/_user_request_'
    )
  })

  it('takes the {api}-{vpce} form for a private API reached through a VPC endpoint', () => {
    const vpce = { private: true, vpcEndpointId: 'vpce-0123456789abcdef0' }
    expect(invokeUrl('abc123', 'prod', 'eu-west-1', undefined, vpce)).toBe(
      'https://abc123-vpce-0123456789abcdef0.execute-api.eu-west-1.amazonaws.com/prod'
    )
    expect(invokeUrl('abc123', 'prod', 'cn-north-1', undefined, vpce)).toBe(
      'https://abc123-vpce-0123456789abcdef0.execute-api.cn-north-1.amazonaws.com.cn/prod'
    )
    // Without an endpoint id, or for a public API, the usual form.
    expect(invokeUrl('abc123', 'prod', 'eu-west-1', undefined, { private: true })).toBe(
      'https://abc123.execute-api.eu-west-1.amazonaws.com/prod'
    )
    expect(invokeUrl('abc123', 'prod', 'eu-west-1', undefined, { vpcEndpointId: 'vpce-1' })).toBe(
      'https://abc123.execute-api.eu-west-1.amazonaws.com/prod'
    )
  })

  it('falls back to amazonaws.com for an unknown partition', () => {
    expect(dnsSuffix('xx-new-1')).toBe('amazonaws.com')
  })
})

describe('consoleStageUrl', () => {
  it('links the console of the partition, or nothing where there is no public one', () => {
    expect(consoleStageUrl('a1', 'prod', 'us-east-1')).toMatch(/^https:\/\/console\.aws\.amazon\.com\//)
    expect(consoleStageUrl('a1', 'prod', 'cn-north-1')).toMatch(/^https:\/\/console\.amazonaws\.cn\//)
    expect(consoleStageUrl('a1', 'prod', 'us-gov-east-1')).toMatch(
      /^https:\/\/console\.amazonaws-us-gov\.com\//
    )
    expect(consoleStageUrl('a1', 'prod', 'us-iso-east-1')).toBeUndefined()
  })
})

describe('baseUrl, partition and stageArn', () => {
  it('writes a custom domain URL without a trailing slash at the root', () => {
    expect(baseUrl('api.example.com', '')).toBe('https://api.example.com')
    expect(baseUrl('api.example.com', 'v1/orders')).toBe('https://api.example.com/v1/orders')
  })

  it("names a stage's ARN in its region's partition", () => {
    expect(partition('eu-west-1')).toBe('aws')
    expect(stageArn('a1', 'prod', 'cn-north-1')).toBe(
      'arn:aws-cn:apigateway:cn-north-1::/restapis/a1/stages/prod'
    )
    expect(stageArn('a1', 'prod', 'us-gov-west-1')).toBe(
      'arn:aws-us-gov:apigateway:us-gov-west-1::/restapis/a1/stages/prod'
    )
  })
})
