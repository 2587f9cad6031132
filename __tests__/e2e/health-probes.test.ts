/**
 * Health-check inputs end to end: probes sent to a local server the test controls (health-check-url),
 * with the canary on the emulator. canary-percent 100 keeps the probe count as requested.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { useActionFixture } from './fixture.js'

const region = 'eu-central-1'
const SECRET = 'Bearer s3cr3t-probe-token'
const fixture = useActionFixture({ region, apiName: 'probed' })
let server: Server
let serverUrl: string
let received: IncomingMessage[] = []
/** How the probe target answers the nth request. */
let answer: (n: number) => { status: number; body: string; delayMs?: number } = () => ({
  status: 200,
  body: 'ok'
})

beforeAll(async () => {
  server = createServer((request, response) => {
    const reply = answer(received.length)
    received.push(request)
    setTimeout(() => response.writeHead(reply.status).end(reply.body), reply.delayMs ?? 0)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/probe`
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise(resolve => server?.close(resolve))
})
beforeEach(() => {
  received = []
})

async function canaryRun(inputs: Record<string, string>) {
  const { stageName, base } = await fixture.baseStage()
  const run = await fixture.run({
    'stage-name': stageName,
    'canary-percent': '100',
    'health-check-url': serverUrl,
    ...inputs
  })
  return { run, stageName, base }
}

describe('health checks', () => {
  it('sends the configured method and headers, and masks the header values', async () => {
    answer = () => ({ status: 204, body: '' })
    const { run } = await canaryRun({
      'health-check-method': 'post',
      'health-check-headers': `Authorization: ${SECRET}\nX-Probe: yes`,
      'health-check-expected-status': '204',
      'health-check-probes': '5',
      'health-check-concurrency': '2'
    })
    expect(run.code).toBe(0)
    expect(received).toHaveLength(5)
    expect(received.every(r => r.method === 'POST' && r.headers.authorization === SECRET)).toBe(true)
    expect(received[0].headers['x-probe']).toBe('yes')
    // The runner hides a value once it has seen ::add-mask::; the action never prints it otherwise.
    expect(run.stdout).toContain(`::add-mask::${SECRET}`)
    expect(run.stdout.split(SECRET).length - 1).toBe(1)
  })

  it('fails a probe that does not answer within health-check-timeout, and rolls back', async () => {
    answer = () => ({ status: 200, body: 'ok', delayMs: 1500 })
    const { run, stageName, base } = await canaryRun({
      'health-check-timeout': '0.3',
      'health-check-probes': '2'
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain('2 of 2 health probes failed (no answer within 0.3 s)')
    expect(fixture.emu.getStage(fixture.restApiId, stageName)).toMatchObject({ deploymentId: base })
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings).toBeUndefined()
  })

  it('tolerates failures up to health-check-max-failure-ratio, and no more', async () => {
    answer = n => (n % 2 === 0 ? { status: 500, body: 'boom' } : { status: 200, body: 'ok' })
    const lenient = await canaryRun({
      'health-check-probes': '10',
      'health-check-concurrency': '1',
      'health-check-max-failure-ratio': '0.5'
    })
    expect(lenient.run.code).toBe(0)
    expect(JSON.parse(lenient.run.outputs['health-report']).steps[0]).toMatchObject({
      probes: 10,
      failures: 5
    })

    received = []
    const strict = await canaryRun({
      'health-check-probes': '10',
      'health-check-concurrency': '1',
      'health-check-max-failure-ratio': '0.2'
    })
    expect(strict.run.code).toBe(1)
    expect(strict.run.errors.join('\n')).toContain(
      '5 of 10 health probes failed (status 500, expected 200-399)'
    )
    expect(strict.run.outputs['canary-result']).toBe('rolled-back')
  })
})
