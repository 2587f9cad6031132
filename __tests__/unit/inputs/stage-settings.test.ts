import { describe, expect, it } from '@jest/globals'
import { readInputs } from '../../../src/inputs/index.js'
import { parseYaml } from '../../../src/inputs/yaml.js'
import { ACCESS_LOG_PRESETS } from '../../../src/stage-settings/access-log-formats.js'
import { problemsOf } from './problems-of.js'

const base = { 'rest-api-id': 'abc123', 'stage-name': 'test', 'aws-region': 'eu-west-1' }
const read = (values: Record<string, string>) =>
  readInputs(name => ({ ...base, ...values })[name] ?? '', {}, { structured: parseYaml })

const problems = (values: Record<string, string>): string[] => problemsOf(() => read(values))

describe('stage settings inputs', () => {
  it('reads every stage-wide setting, typed', () => {
    const { stageSettings } = read({
      'throttling-rate-limit': '100.5',
      'throttling-burst-limit': '200',
      'caching-enabled': 'true',
      'cache-ttl': '60',
      'cache-data-encrypted': 'false',
      'logging-level': 'INFO',
      'data-trace': 'false',
      'metrics-enabled': 'true',
      'cache-cluster-enabled': 'true',
      'cache-cluster-size': '6.1',
      'tracing-enabled': 'true',
      'client-certificate-id': 'abc123',
      'access-log-destination-arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:api-access',
      'access-log-format': 'json',
      tags: 'team=payments\ncost-center=42\nempty=',
      'stage-variables-remove': 'old1, old2',
      'usage-plans': 'gold\ninherit',
      'web-acl-arn':
        'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/11111111-2222-3333-4444-555555555555'
    })
    expect(stageSettings).toEqual({
      stageWide: {
        throttlingRateLimit: 100.5,
        throttlingBurstLimit: 200,
        cachingEnabled: true,
        cacheTtlInSeconds: 60,
        cacheDataEncrypted: false,
        loggingLevel: 'INFO',
        dataTraceEnabled: false,
        metricsEnabled: true
      },
      methods: [],
      cacheClusterEnabled: true,
      cacheClusterSize: '6.1',
      tracingEnabled: true,
      clientCertificateId: 'abc123',
      accessLog: {
        destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:api-access',
        format: ACCESS_LOG_PRESETS.json
      },
      variablesRemove: ['old1', 'old2'],
      tags: { team: 'payments', 'cost-center': '42', empty: '' },
      usagePlans: { inherit: true, refs: ['gold'] },
      webAclArn:
        'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/11111111-2222-3333-4444-555555555555',
      waitForCache: false
    })
  })

  it('leaves every setting unset when nothing is given', () => {
    const { stageSettings, dryRun } = read({})
    expect(stageSettings).toMatchObject({ stageWide: {}, methods: [], accessLog: {}, variablesRemove: [] })
    expect(stageSettings.tags).toBeUndefined()
    expect(stageSettings.cacheClusterEnabled).toBeUndefined()
    expect(dryRun).toBe(false)
  })

  it('reads method-settings from YAML and JSON', () => {
    const yaml = read({
      'method-settings':
        '"/pets/{id} GET":\n  caching-enabled: true\n  cache-ttl: 60\n"/orders post": { throttling-rate-limit: 5 }\n',
      'cache-cluster-enabled': 'true'
    })
    expect(yaml.stageSettings.methods).toEqual([
      {
        key: '/pets/{id} GET',
        resourcePath: '/pets/{id}',
        httpMethod: 'GET',
        settings: { cachingEnabled: true, cacheTtlInSeconds: 60 }
      },
      {
        key: '/orders post',
        resourcePath: '/orders',
        httpMethod: 'POST',
        settings: { throttlingRateLimit: 5 }
      }
    ])
    const json = read({ 'method-settings': '{"*/*": {"metrics-enabled": "true"}}' })
    expect(json.stageSettings.methods).toEqual([
      { key: '*/*', resourcePath: '*', httpMethod: '*', settings: { metricsEnabled: true } }
    ])
  })

  it('refuses bad values, all at once, naming each input', () => {
    const found = problems({
      'throttling-rate-limit': '-1',
      'throttling-burst-limit': '2.5',
      'cache-cluster-size': '2',
      'cache-ttl': '3601',
      'logging-level': 'DEBUG',
      'access-log-format': '$context.status',
      'access-log-destination-arn': 'arn:aws:s3:::bucket',
      tags: 'aws:owner=me\nnovalue',
      'web-acl-arn': 'arn:aws:wafv2:eu-west-1:123456789012:global/webacl/x/1',
      'method-settings':
        '"/pets FETCH": { caching-enabled: true }\n"/pets GET": { caching: yes }\n"/x GET": { cache-ttl: -5 }'
    })
    const expected = [
      'Input "throttling-rate-limit": "-1"',
      'Input "throttling-burst-limit": "2.5"',
      'Input "cache-ttl": "3601"',
      'Input "logging-level": "DEBUG"',
      'Input "cache-cluster-size": "2" is not a cache cluster size',
      'Input "web-acl-arn"',
      'has an unknown HTTP method "FETCH"',
      'has an unknown setting "caching"',
      'cache-ttl -5 must be whole seconds',
      'Input "access-log-destination-arn"',
      'must include $context.requestId',
      'uses the prefix "aws:"',
      '"novalue" must be a key=value line'
    ]
    for (const text of expected) expect(found.join('\n')).toContain(text)
    expect(found).toHaveLength(expected.length)
  })

  it('says where YAML is malformed', () => {
    expect(problems({ 'method-settings': '"/pets GET": {\n  cache-ttl: 5\n' })[0]).toMatch(
      /^Input "method-settings" is not valid YAML or JSON: .*line \d+, column \d+/
    )
    expect(problems({ 'method-settings': '- a\n- b' })[0]).toContain('must be a map')
  })

  it('refuses combinations that cannot work', () => {
    const found = problems({
      'stage-variables': 'a=1',
      'stage-variables-remove': 'a',
      'caching-enabled': 'true',
      'cache-cluster-enabled': 'false',
      'web-acl-arn':
        'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/11111111-2222-3333-4444-555555555555'
    })
    expect(found).toEqual([
      'Inputs "stage-variables" and "stage-variables-remove" both name a: set it or remove it.',
      'Input "caching-enabled": caching needs a cache cluster, and "cache-cluster-enabled" is false.',
      'Input "web-acl-arn": the web ACL is in us-east-1, the stage in eu-west-1; a stage takes a regional web ACL of its own region.'
    ])
    expect(problems({ command: 'promote-canary', 'metrics-enabled': 'true' })[0]).toContain(
      'stage settings apply with "deploy" or "configure-stage"'
    )
    expect(problems({ command: 'configure-stage' })[0]).toContain('needs something to configure')
  })
})
