import { describe, expect, it } from '@jest/globals'
import { readInputs } from '../../../src/inputs/index.js'
import { problemsOf } from './problems-of.js'

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''
const base = { 'rest-api-id': 'abc123', 'stage-name': 'test', 'aws-region': 'eu-west-1' }

const problems = (values: Record<string, string>, env = {}): string[] =>
  problemsOf(() => readInputs(reader(values), env))

describe('readInputs', () => {
  it('parses a minimal deploy with defaults', () => {
    const inputs = readInputs(reader(base), {})
    expect(inputs).toMatchObject({
      command: 'deploy',
      target: { api: { id: 'abc123' }, stageName: 'test', region: 'eu-west-1', retryDeadlineSeconds: 120 },
      deployment: { stageVariables: {}, canaryExisting: 'fail' },
      checks: { alarmNames: [], intervalSeconds: 15 }
    })
    expect(inputs.canary).toBeUndefined()
    expect(inputs.checks.healthCheck).toBeUndefined()
  })

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const noRegion = { ...base, 'aws-region': '' }
    expect(
      readInputs(reader(noRegion), { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'x' }).target.region
    ).toBe('us-west-2')
    expect(readInputs(reader(noRegion), { AWS_DEFAULT_REGION: 'cn-north-1' }).target.region).toBe(
      'cn-north-1'
    )
    expect(problems(noRegion)).toEqual([expect.stringContaining('Input "aws-region" is required')])
  })

  it('parses stage variables, ignoring blank and comment lines', () => {
    const inputs = readInputs(
      reader({
        ...base,
        'stage-variables': 'LAMBDA_ALIAS=live\n\n# note\n URL = https://x.example.com/a?b=c&d=e \n'
      }),
      {}
    )
    expect(inputs.deployment.stageVariables).toEqual({
      LAMBDA_ALIAS: 'live',
      URL: 'https://x.example.com/a?b=c&d=e'
    })
  })

  it('reports every bad input at once, naming input, value and rule', () => {
    const found = problems({
      'rest-api-id': 'Not An Id',
      'stage-name': 'prod!',
      'aws-region': 'mars',
      'stage-variables': 'bad-name=x\nOK=has space\nNOEQUALS',
      'endpoint-url': 'ftp://x',
      'retry-deadline-seconds': '-3'
    })
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Input "rest-api-id": "Not An Id" is not a REST API id/),
        expect.stringMatching(/^Input "stage-name": "prod!" is not a valid stage name/),
        expect.stringMatching(/^Input "aws-region": "mars"/),
        expect.stringMatching(/^Input "stage-variables": "bad-name" is not a valid stage variable name/),
        expect.stringMatching(/^Input "stage-variables": "has space" \(variable OK\)/),
        expect.stringMatching(/^Input "stage-variables": "NOEQUALS" must be a NAME=value line/),
        expect.stringMatching(/^Input "endpoint-url": "ftp:\/\/x" must be an http/),
        expect.stringMatching(/^Input "retry-deadline-seconds": "-3" must be a whole number/)
      ])
    )
    expect(found).toHaveLength(8)
  })

  it('needs exactly one of rest-api-id and rest-api-name', () => {
    expect(problems({ ...base, 'rest-api-name': 'pets' })).toEqual([expect.stringContaining('not both')])
    expect(problems({ ...base, 'rest-api-id': '' })[0]).toContain('one is required')
    expect(
      readInputs(reader({ ...base, 'rest-api-id': '', 'rest-api-name': 'pets' }), {}).target.api
    ).toEqual({
      name: 'pets'
    })
  })

  it('limits stage variables to API Gateway quotas', () => {
    const many = Array.from({ length: 101 }, (_, i) => `V${i}=x`).join('\n')
    expect(problems({ ...base, 'stage-variables': many })).toEqual([expect.stringContaining('at most 100')])
    expect(problems({ ...base, 'stage-variables': `A=${'x'.repeat(513)}` })[0]).toContain('1 to 512')
    expect(problems({ ...base, 'stage-variables': 'A=1\nA=2' })[0]).toContain('set twice')
  })

  it('builds canary steps from canary-percent and canary-steps', () => {
    const steps = (values: Record<string, string>) =>
      readInputs(reader({ ...base, ...values }), {}).canary?.steps
    expect(steps({ 'canary-percent': '10' })).toEqual([10])
    expect(steps({ 'canary-percent': '10', 'canary-steps': '25, 50' })).toEqual([10, 25, 50])
    expect(steps({ 'canary-steps': '2.5,50' })).toEqual([2.5, 50])
    expect(problems({ ...base, 'canary-percent': '0' })[0]).toContain('greater than 0')
    expect(problems({ ...base, 'canary-percent': '101' })[0]).toContain('at most 100')
    expect(problems({ ...base, 'canary-percent': '50', 'canary-steps': '25' })[0]).toMatch(
      /^Input "canary-steps": "25" must start above canary-percent \(50%\)/
    )
  })

  it('refuses canary steps that do not strictly increase, whatever the order or repeats', () => {
    for (const given of ['10,25,50', '25,25', '50,25', '25,50,50']) {
      const found = problems({ ...base, 'canary-percent': '10', 'canary-steps': given })
      expect(found).toHaveLength(1)
      expect(found[0]).toMatch(/^Input "canary-steps": /)
    }
    expect(problems({ ...base, 'canary-steps': '50,20' })[0]).toContain('strictly increasing')
  })

  it("never phrases one input's error in terms of another's invalid value", () => {
    const found = problems({ ...base, 'canary-percent': 'ten', 'canary-steps': '25,50' })
    expect(found).toEqual([expect.stringMatching(/^Input "canary-percent": "ten"/)])
    const both = problems({ ...base, 'canary-percent': 'ten', 'canary-steps': '50,x' })
    expect(both).toHaveLength(2)
    expect(both.find(p => p.startsWith('Input "canary-steps"'))).not.toContain('ten')
  })

  it('parses the canary and health-check options with their defaults', () => {
    const inputs = readInputs(
      reader({
        ...base,
        'canary-percent': '5',
        'canary-stage-variables': 'VERSION=2',
        promote: 'false',
        'bake-time': '30',
        'health-check-path': '/health',
        'health-check-headers': 'Authorization: Bearer abc:def\nX-Test: 1',
        'health-check-body-contains': '/"status":\\s*"ok"/i',
        'alarm-names': 'errors, latency\nthrottles'
      }),
      {}
    )
    expect(inputs.canary).toEqual({
      steps: [5],
      stageVariables: { VERSION: '2' },
      useStageCache: false,
      bakeSeconds: 30,
      promote: false
    })
    expect(inputs.checks.healthCheck).toMatchObject({
      path: '/health',
      method: 'GET',
      headers: { Authorization: 'Bearer abc:def', 'X-Test': '1' },
      expectedStatus: [{ from: 200, to: 399 }],
      timeoutMs: 5000,
      probes: 10,
      concurrency: 4,
      maxFailureRatio: 0
    })
    expect(inputs.checks.healthCheck?.bodyContains?.regex?.test('{"STATUS": "ok"}')).toBe(true)
    expect(inputs.checks.alarmNames).toEqual(['errors', 'latency', 'throttles'])
  })

  it('takes checks and alarms without a canary (they run after the switch), and refuses malformed ones', () => {
    const plain = readInputs(
      reader({ ...base, 'health-check-path': '/health', 'alarm-names': 'x', 'bake-time': '30' }),
      {}
    )
    expect(plain.canary).toBeUndefined()
    expect(plain.checks).toMatchObject({ alarmNames: ['x'], bakeSeconds: 30, target: 'invoke-url' })
    expect(plain.checks.healthCheck?.path).toBe('/health')
    expect(
      problems({ ...base, command: 'configure-stage', 'metrics-enabled': 'true', 'alarm-names': 'x' })[0]
    ).toContain('"configure-stage" releases nothing')
    const found = problems({
      ...base,
      'canary-percent': '10',
      'health-check-path': 'health',
      'health-check-expected-status': '200-abc',
      'health-check-headers': 'no colon here',
      'health-check-body-contains': '/(/',
      promote: 'yes'
    })
    expect(found).toHaveLength(5)
    expect(found.join('\n')).not.toContain('no colon here')
  })

  it('accepts the other commands and refuses unknown ones', () => {
    expect(readInputs(reader({ ...base, command: 'promote-canary' }), {}).command).toBe('promote-canary')
    expect(problems({ ...base, command: 'destroy' })[0]).toContain(
      'is not one of: deploy, configure-stage, promote-canary, rollback-canary'
    )
  })
})

describe('release and domain inputs', () => {
  const read = (values: Record<string, string>) => readInputs(reader({ ...base, ...values }), {})

  it('reads from-stage, to-deployment and the custom domain', () => {
    expect(read({ 'from-stage': 'qa' }).source).toEqual({ kind: 'stage', stageName: 'qa' })
    expect(read({ 'to-deployment': 'abc123' }).source).toEqual({ kind: 'deployment', deploymentId: 'abc123' })
    expect(read({}).source).toEqual({ kind: 'new' })
    expect(read({ 'domain-name': 'API.Example.com', 'base-path': '/v1/orders/' }).urls).toEqual({
      domain: { domainName: 'api.example.com', basePath: 'v1/orders', takeover: false },
      vpcEndpointId: undefined
    })
    expect(read({ 'domain-name': 'api.example.com', 'base-path': '(none)' }).urls.domain?.basePath).toBe('')
    expect(read({ 'vpc-endpoint-id': 'vpce-0123456789abcdef0' }).urls.vpcEndpointId).toBe(
      'vpce-0123456789abcdef0'
    )
  })

  it('refuses what cannot be released or mapped, before any call', () => {
    expect(problems({ ...base, 'from-stage': 'test' })[0]).toContain('is the stage being deployed')
    expect(problems({ ...base, 'from-stage': 'qa', 'to-deployment': 'abc' })[0]).toContain('set one of them')
    expect(problems({ ...base, 'to-deployment': 'ABC!' })[0]).toContain('is not a deployment id')
    expect(problems({ ...base, 'from-stage': 'qa', 'deployment-description': 'x' })[0]).toContain(
      'no deployment is created'
    )
    expect(problems({ ...base, command: 'rollback-canary', 'to-deployment': 'abc' })[0]).toContain(
      'applies to "command: deploy"'
    )
    expect(problems({ ...base, 'base-path': 'v1' })[0]).toContain('needs "domain-name"')
    expect(problems({ ...base, 'domain-name': 'not a domain' })[0]).toContain('is not a domain name')
    expect(problems({ ...base, 'domain-name': 'api.example.com', 'base-path': 'v1/ord ers' })[0]).toContain(
      'is not a base path'
    )
    expect(problems({ ...base, 'health-check-path': '/h', 'health-check-target': 'base-url' })[0]).toContain(
      '"base-url" needs "domain-name"'
    )
    expect(problems({ ...base, 'vpc-endpoint-id': 'vpc-1' })[0]).toContain('is not a VPC endpoint id')
  })
})
