import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  GetAccountCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetSdkCommand
} from '@aws-sdk/client-api-gateway'

// `npm run emulator` (emulator/cli.ts) run as a newcomer would, in its own process.
const root = fileURLToPath(new URL('../../', import.meta.url))
const started: ChildProcess[] = []

interface Cli {
  child: ChildProcess
  lines: AsyncIterableIterator<string>
  stderr: () => string
}

function startCli(...args: string[]): Cli {
  const env = { ...process.env }
  delete env.NODE_OPTIONS // jest's --experimental-vm-modules is not for the child
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  started.push(child)
  let stderr = ''
  child.stderr?.on('data', chunk => (stderr += String(chunk)))
  const stdout = child.stdout as NonNullable<ChildProcess['stdout']>
  return { child, lines: createInterface({ input: stdout })[Symbol.asyncIterator](), stderr: () => stderr }
}

async function nextLine({ lines, stderr }: Cli): Promise<string> {
  const next = await lines.next()
  if (next.done) throw new Error(`the CLI closed stdout early; its stderr:\n${stderr()}`)
  return next.value
}

/** SIGTERM, then the exit code (a stuck CLI fails the test by timing out). */
async function terminate(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const [code] = (await exited) as [number | null]
  return code
}

const sdk = (endpoint: string) =>
  new APIGatewayClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1
  })

afterEach(() => {
  // Only if a test failed before terminating its CLI.
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

describe('emulator CLI', () => {
  it('prints the URL first, then a ready sample API and how to deploy it, and stops on SIGTERM', async () => {
    const cli = startCli('--port', '0', '--create-deployment-interval-ms', '0')
    const url = await nextLine(cli)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const sampleLine = await nextLine(cli)
    const restApiId = /^Sample REST API id: (\w+) /.exec(sampleLine)?.[1]
    expect(restApiId).toBeDefined()
    await nextLine(cli)
    const example = await nextLine(cli)
    expect(example).toContain(`env 'INPUT_REST-API-ID=${restApiId}' 'INPUT_STAGE-NAME=dev'`)
    expect(example).toContain(`'INPUT_ENDPOINT-URL=${url}' 'INPUT_AWS-REGION=us-east-1'`)
    expect(example).toMatch(/ node dist\/index\.js$/)

    const health = await fetch(`${url}/_emulator/health`)
    expect([health.status, await health.json()]).toEqual([200, { ok: true }])
    const client = sdk(url)
    try {
      const api = await client.send(new GetRestApiCommand({ restApiId }))
      expect([api.id, api.name]).toEqual([restApiId, 'sample-api'])
    } finally {
      client.destroy()
    }

    expect(await terminate(cli.child)).toBe(0)
    await expect(fetch(`${url}/_emulator/health`)).rejects.toThrow()
  })

  it('starts empty with --no-sample-api', async () => {
    const cli = startCli('--port', '0', '--no-sample-api')
    const url = await nextLine(cli)
    const client = sdk(url)
    try {
      expect((await client.send(new GetRestApisCommand({}))).items ?? []).toEqual([])
    } finally {
      client.destroy()
    }
    expect(await terminate(cli.child)).toBe(0)
    // Nothing but the URL was printed.
    expect((await cli.lines.next()).done).toBe(true)
  })

  it('sets the account role, the cache cluster delay and the patch size quota from flags', async () => {
    const role = 'arn:aws:iam::123456789012:role/apigw-logs'
    const cli = startCli(
      '--port',
      '0',
      '--no-sample-api',
      '--cloudwatch-role-arn',
      role,
      '--cache-cluster-delay-ms',
      '100',
      '--patch-operations-per-update',
      '40'
    )
    const url = await nextLine(cli)
    const client = sdk(url)
    try {
      expect((await client.send(new GetAccountCommand({}))).cloudwatchRoleArn).toBe(role)
    } finally {
      client.destroy()
    }
    expect(await terminate(cli.child)).toBe(0)
  })

  it('refuses the SDK types given with --unsupported-sdk-types', async () => {
    const cli = startCli(
      '--port',
      '0',
      '--create-deployment-interval-ms',
      '0',
      '--unsupported-sdk-types',
      'javascript'
    )
    const url = await nextLine(cli)
    const restApiId = /^Sample REST API id: (\w+) /.exec(await nextLine(cli))?.[1]
    const client = sdk(url)
    try {
      await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }))
      await expect(
        client.send(new GetSdkCommand({ restApiId, stageName: 'dev', sdkType: 'javascript' }))
      ).rejects.toThrow('SDK type javascript is not supported in this region: us-east-1')
    } finally {
      client.destroy()
    }
    expect(await terminate(cli.child)).toBe(0)
  })
})
