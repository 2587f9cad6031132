/**
 * Start-up: what a user waits for before the action does anything, as ratios to a bare `node -e 0` measured
 * beside each run; peak memory; and the libraries' own load time, which is the floor.
 */
import { createSampleApi, startEmulator } from '../../emulator/index.js'
import { join } from 'node:path'
import { build } from 'esbuild'
import { ACTION, actionEnv, pairedRatio, ROOT, runNode, tempDir } from './measure.js'

/** What a deploy must load whatever code surrounds it, bundled and minified alone as dist/ is. */
const FLOORS: [string, string][] = [
  ['@actions/core', `import * as core from '@actions/core'; globalThis.loaded = core`],
  [
    '@aws-sdk/client-api-gateway (a client and one command)',
    `import { APIGatewayClient, GetStageCommand } from '@aws-sdk/client-api-gateway'; globalThis.loaded = [new APIGatewayClient({ region: 'us-east-1' }), GetStageCommand]`
  ],
  [
    'both together',
    `import * as core from '@actions/core'; import { APIGatewayClient, GetStageCommand } from '@aws-sdk/client-api-gateway'; globalThis.loaded = [core, new APIGatewayClient({ region: 'us-east-1' }), GetStageCommand]`
  ]
]

async function bundleAlone(source: string, dir: string): Promise<string> {
  // CommonJS, as dist/ is (scripts/ncc-build.ts).
  const out = join(dir, `floor-${Math.random().toString(36).slice(2)}.cjs`)
  await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: 'floor.mjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error'
  })
  return out
}

export interface StartupFigures {
  pairs: number
  bareMs: number
  invalid: { ratio: number; ms: number; peakRssMb: number }
  plainDeploy: { ratio: number; ms: number; peakRssMb: number }
  canaryPeakRssMb: number
  /** Importing a library alone, as a ratio to bare node: what no code of ours can go below. */
  floors: { name: string; ratio: number }[]
}

export async function measureStartup(pairs: number): Promise<StartupFigures> {
  const dir = tempDir()
  const emu = await startEmulator({ quotas: { createDeploymentIntervalMs: 0, stagesPerApi: 100 } })
  try {
    const { restApiId } = await createSampleApi({ endpoint: emu.url, region: emu.region, name: 'bench' })
    const common = { 'rest-api-id': restApiId, 'aws-region': emu.region, 'endpoint-url': emu.url }
    const invalidEnv = actionEnv({ 'stage-name': 'no spaces allowed' }, dir)
    const deployEnv = actionEnv({ ...common, 'stage-name': 'existing' }, dir)
    const canaryEnv = actionEnv(
      {
        ...common,
        'stage-name': 'existing',
        'canary-percent': '10',
        'canary-steps': '25,50',
        'health-check-path': '/health'
      },
      dir
    )
    // The stage exists before the timed deploys: "a whole plain deploy to an existing stage".
    await runNode([ACTION], deployEnv)

    const invalid = await pairedRatio(pairs, () => runNode([ACTION], invalidEnv), invalidEnv)
    const plain = await pairedRatio(pairs, () => runNode([ACTION], deployEnv), deployEnv)
    const invalidRss = (await runNode([ACTION], invalidEnv, { rss: true })).peakRssMb ?? 0
    const plainRss = (await runNode([ACTION], deployEnv, { rss: true })).peakRssMb ?? 0
    const canary = await runNode([ACTION], canaryEnv, { rss: true })
    if (canary.code !== 0) throw new Error('the canary deploy of the memory benchmark failed')

    const floors = []
    for (const [name, source] of FLOORS) {
      const file = await bundleAlone(source, dir)
      const env = { PATH: process.env.PATH }
      floors.push({
        name,
        ratio: (await pairedRatio(Math.min(pairs, 7), () => runNode([file], env), env)).ratio
      })
    }
    return {
      pairs,
      bareMs: invalid.bareMs,
      invalid: { ratio: invalid.ratio, ms: invalid.subjectMs, peakRssMb: invalidRss },
      plainDeploy: { ratio: plain.ratio, ms: plain.subjectMs, peakRssMb: plainRss },
      canaryPeakRssMb: canary.peakRssMb ?? 0,
      floors
    }
  } finally {
    await emu.stop()
  }
}
