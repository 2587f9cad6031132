import { parseArgs } from 'node:util'
import { createSampleApi, startEmulator } from './index.js'

// `npm run emulator -- [flags]`; the flags are documented in emulator/README.md.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    region: { type: 'string', default: 'us-east-1' },
    'create-deployment-interval-ms': { type: 'string' },
    'stages-per-api': { type: 'string' },
    'patch-operations-per-update': { type: 'string' },
    'cache-cluster-delay-ms': { type: 'string' },
    'cloudwatch-role-arn': { type: 'string' },
    'unsupported-sdk-types': { type: 'string' },
    'no-sample-api': { type: 'boolean', default: false },
    log: { type: 'boolean', default: false }
  }
})

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${value}`)
    process.exit(2)
  }
  return n
}

const interval = int('create-deployment-interval-ms', values['create-deployment-interval-ms'])
const stagesPerApi = int('stages-per-api', values['stages-per-api'])
const patchOperationsPerUpdate = int('patch-operations-per-update', values['patch-operations-per-update'])
const emu = await startEmulator({
  port: int('port', values.port),
  seed: int('seed', values.seed),
  region: values.region,
  log: values.log,
  cacheClusterDelayMs: int('cache-cluster-delay-ms', values['cache-cluster-delay-ms']),
  cloudwatchRoleArn: values['cloudwatch-role-arn'],
  // Comma-separated; '' offers every type (the default depends on --region).
  unsupportedSdkTypes: values['unsupported-sdk-types']?.split(',').filter(t => t.trim() !== ''),
  quotas: {
    ...(interval !== undefined && { createDeploymentIntervalMs: interval }),
    ...(stagesPerApi !== undefined && { stagesPerApi }),
    ...(patchOperationsPerUpdate !== undefined && { patchOperationsPerUpdate })
  }
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emu.stop().then(() => process.exit(0))
  })
}

// Made before anything is printed, so whoever reads the URL finds the sample API already there.
let sample: { restApiId: string } | undefined
try {
  if (!values['no-sample-api']) sample = await createSampleApi({ endpoint: emu.url, region: emu.region })
} catch (err) {
  console.error('[apigw-emulator] could not create the sample API:', err)
  await emu.stop()
  process.exit(1)
}

// The URL alone on stdout's first line, so scripts can read it.
console.log(emu.url)
if (sample) console.log(newcomerHelp(sample.restApiId))

function newcomerHelp(restApiId: string): string {
  const stage = 'dev'
  // Input names keep their hyphens in the variable name (INPUT_REST-API-ID), which a shell assignment
  // cannot set: `env` can.
  const inputs = [
    `'INPUT_REST-API-ID=${restApiId}'`,
    `'INPUT_STAGE-NAME=${stage}'`,
    `'INPUT_ENDPOINT-URL=${emu.url}'`,
    `'INPUT_AWS-REGION=${emu.region}'`
  ]
  return [
    `Sample REST API id: ${restApiId} (GET /health and GET /hello, MOCK integrations; not deployed yet)`,
    `Deploy it to stage "${stage}" with the bundled action (run \`npm run bundle\` first if dist/ is missing):`,
    `  env ${inputs.join(' ')} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test node dist/index.js`,
    `then call it: curl ${emu.invokeUrl(restApiId, stage)}/health`,
    'Stop the emulator with Ctrl+C.'
  ].join('\n')
}
