import { describe, expect, it } from '@jest/globals'
import { consoleStageUrl, dnsSuffix, invokeUrl } from '../../src/urls.js'

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
