/**
 * Behind a proxy: AWS calls and health probes go through HTTPS_PROXY / HTTP_PROXY as the runner sets them,
 * and NO_PROXY is honoured.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startConnectProxy, type ConnectProxy } from './connect-proxy.js'
import { useActionFixture } from './fixture.js'

const region = 'eu-north-1'
const fixture = useActionFixture({ region, apiName: 'proxied' })
let proxy: ConnectProxy
// The probes' target, on its own port, so its tunnels tell probes from AWS calls.
let probeTarget: Server
let probeHost: string

beforeAll(async () => {
  proxy = await startConnectProxy()
  probeTarget = createServer((_, response) => response.writeHead(200).end('ok'))
  await new Promise<void>(resolve => probeTarget.listen(0, '127.0.0.1', resolve))
  probeHost = `127.0.0.1:${(probeTarget.address() as AddressInfo).port}`
})
afterAll(async () => {
  await proxy?.stop()
  probeTarget?.closeAllConnections()
  await new Promise(resolve => probeTarget?.close(resolve))
})

const emulatorHost = () => new URL(fixture.emu.url).host

describe('behind a proxy', () => {
  it('sends the AWS calls and the probes through the proxy the environment names', async () => {
    const { stageName } = await fixture.baseStage()
    proxy.tunnels.length = 0
    const run = await fixture.run(
      { 'stage-name': stageName, 'canary-percent': '50', 'health-check-url': `http://${probeHost}/health` },
      { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['canary-result']).toBe('promoted')
    // AWS calls (the emulator) and probes (their own server) each went through tunnels, and nothing else did.
    expect(new Set(proxy.tunnels)).toEqual(new Set([emulatorHost(), probeHost]))
    const probes = JSON.parse(run.outputs['health-report']).steps[0].probes
    expect(probes).toBeGreaterThan(0)
  })

  it('goes direct for hosts NO_PROXY lists', async () => {
    const { stageName } = await fixture.baseStage()
    proxy.tunnels.length = 0
    const run = await fixture.run(
      { 'stage-name': stageName, 'canary-percent': '50', 'health-check-url': `http://${probeHost}/health` },
      { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }
    )
    expect(run.code).toBe(0)
    expect(proxy.tunnels).toEqual([])
  })
})
