/**
 * moto's server (`python3 -m moto.server`), an independent implementation of API Gateway and CloudWatch,
 * started on 127.0.0.1 for a test file and stopped after it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe } from '@jest/globals'
import { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { createSampleApi } from '../../emulator/index.js'
import { runAction, type ActionRun } from './run-action.js'

export const motoAvailable =
  spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status === 0

export interface Moto {
  url: string
  stop(): Promise<void>
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort()
  const child: ChildProcess = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore'
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  for (;;) {
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) break
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill()
      throw new Error('moto server did not start within 20 s')
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    stop: () =>
      new Promise(resolve => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill()
      })
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** describe, or describe.skip with a warning where moto is not installed. */
export function describeWithMoto(what: string): typeof describe | typeof describe.skip {
  if (motoAvailable) return describe
  console.warn(`Skipping the moto tests of ${what}: \`python3 -c "import moto.server"\` failed.`)
  return describe.skip
}

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }

const started = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('moto starts in beforeAll')
  return value
}

/** moto for a describe block, with an SDK client on it: started before its tests, stopped after them. */
function useMotoServer<C extends { destroy(): void }>(
  clientFor: (url: string) => C
): { readonly url: string; readonly client: C } {
  let moto: Moto | undefined
  let client: C | undefined
  beforeAll(async () => {
    moto = await startMoto()
    client = clientFor(moto.url)
  })
  afterAll(async () => {
    client?.destroy()
    await moto?.stop()
  })
  return {
    get url() {
      return started(moto).url
    },
    get client() {
      return started(client)
    }
  }
}

export interface MotoFixture {
  readonly url: string
  readonly client: APIGatewayClient
  readonly restApiId: string
  /** The bundled action against moto, with the sample API and the region. */
  run(inputs: Record<string, string>): Promise<ActionRun>
}

/** moto for a describe block: started with a sample API before its tests, stopped after them. */
export function useMoto(options: { region: string; apiName: string }): MotoFixture {
  const server = useMotoServer(
    endpoint => new APIGatewayClient({ region: options.region, endpoint, credentials })
  )
  let restApiId = ''
  beforeAll(async () => {
    restApiId = (
      await createSampleApi({ endpoint: server.url, region: options.region, name: options.apiName })
    ).restApiId
  })
  return {
    get url() {
      return server.url
    },
    get client() {
      return server.client
    },
    get restApiId() {
      return restApiId
    },
    run: inputs =>
      runAction({
        'aws-region': options.region,
        'endpoint-url': server.url,
        'rest-api-id': restApiId,
        ...inputs
      })
  }
}

export interface MotoCloudWatch {
  readonly url: string
  readonly cloudwatch: CloudWatchClient
}

/** moto as the run's CloudWatch for a describe block (alarms, metrics): started before its tests, stopped after. */
export function useMotoCloudWatch(region: string): MotoCloudWatch {
  const server = useMotoServer(endpoint => new CloudWatchClient({ region, endpoint, credentials }))
  return {
    get url() {
      return server.url
    },
    get cloudwatch() {
      return server.client
    }
  }
}
