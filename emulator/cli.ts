import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'

// Usage: tsx emulator/cli.ts [--port N] [--seed N] [--create-deployment-interval-ms N] [--stages-per-api N] [--log]
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    region: { type: 'string', default: 'us-east-1' },
    'create-deployment-interval-ms': { type: 'string' },
    'stages-per-api': { type: 'string' },
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

const emu = await startEmulator({
  port: int('port', values.port),
  seed: int('seed', values.seed),
  region: values.region,
  log: values.log,
  quotas: {
    ...(values['create-deployment-interval-ms'] !== undefined && {
      createDeploymentIntervalMs: int(
        'create-deployment-interval-ms',
        values['create-deployment-interval-ms']
      )
    }),
    ...(values['stages-per-api'] !== undefined && {
      stagesPerApi: int('stages-per-api', values['stages-per-api'])
    })
  }
})
// The URL alone on stdout's first line, so scripts can read it.
console.log(emu.url)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emu.stop().then(() => process.exit(0))
  })
}
