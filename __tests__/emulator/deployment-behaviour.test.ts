import { canaryApi, hitMany, useEmulator } from './helpers.js'

// emu.setDeploymentBehaviour: makes one deployment's invoke answers fail or slow down.
const ctx = useEmulator({ seed: 42, quotas: { createDeploymentIntervalMs: 0 } })

const post = (body: unknown) =>
  fetch(`${ctx.emu.url}/_emulator/deployment-behaviour`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })

describe('setDeploymentBehaviour', () => {
  it('makes one deployment unhealthy or slow until reset', async () => {
    const { restApiId, canary } = await canaryApi(ctx, 100)
    const url = `${ctx.emu.invokeUrl(restApiId, 'prod')}/health`

    ctx.emu.setDeploymentBehaviour(restApiId, canary, { status: 503, body: { message: 'canary down' } })
    const down = await fetch(url)
    expect([down.status, down.headers.get('x-emulator-deployment-id')]).toEqual([503, canary])
    expect(down.headers.get('x-emulator-fault')).toBe('deployment-behaviour')
    expect(await down.json()).toEqual({ message: 'canary down' })

    ctx.emu.setDeploymentBehaviour(restApiId, canary, { latencyMs: 120 })
    const start = Date.now()
    const slow = await fetch(url)
    expect([slow.status, slow.headers.get('x-emulator-fault')]).toEqual([200, null])
    expect(Date.now() - start).toBeGreaterThanOrEqual(110)

    ctx.emu.setDeploymentBehaviour(restApiId, canary, undefined)
    expect((await fetch(url)).status).toBe(200)
  })

  it("fails failRatio of the deployment's requests (500 by default) and serves the rest normally", async () => {
    const { restApiId, base, canary } = await canaryApi(ctx, 50)
    ctx.emu.setDeploymentBehaviour(restApiId, canary, { failRatio: 0.3 })

    const hits = await hitMany(`${ctx.emu.invokeUrl(restApiId, 'prod')}/health`, 400)
    const toCanary = hits.filter(h => h.deploymentId === canary)
    const failed = hits.filter(h => h.fault === 'deployment-behaviour')
    // About 30% of the canary's ~200 requests; none of the base deployment's.
    expect(failed.every(h => h.deploymentId === canary)).toBe(true)
    expect(failed.length / toCanary.length).toBeGreaterThan(0.2)
    expect(failed.length / toCanary.length).toBeLessThan(0.4)
    for (const h of hits) {
      const expected = h.fault
        ? [500, { message: 'Emulated deployment failure' }]
        : [200, { status: 'ok', deployment: h.deploymentId }]
      expect([h.status, JSON.parse(h.body)]).toEqual(expected)
    }
    expect(hits.some(h => h.deploymentId === base)).toBe(true)
  })

  it('draws failures from the seeded PRNG, so a run repeats', async () => {
    const { restApiId, canary } = await canaryApi(ctx, 100)
    const url = `${ctx.emu.invokeUrl(restApiId, 'prod')}/health`
    ctx.emu.setDeploymentBehaviour(restApiId, canary, { failRatio: 0.5, status: 502 })
    ctx.emu.seed(9)
    const first = (await hitMany(url, 40, 1)).map(h => h.status)
    ctx.emu.seed(9)
    const second = (await hitMany(url, 40, 1)).map(h => h.status)
    expect(second).toEqual(first)
    expect(new Set(first)).toEqual(new Set([200, 502]))
  })

  it('takes a new behaviour from the next request on', async () => {
    const { restApiId, canary } = await canaryApi(ctx, 100)
    const url = `${ctx.emu.invokeUrl(restApiId, 'prod')}/health`

    ctx.emu.setDeploymentBehaviour(restApiId, canary, { failRatio: 1, status: 503 })
    expect((await hitMany(url, 20)).map(h => h.status)).toEqual(Array(20).fill(503))
    ctx.emu.setDeploymentBehaviour(restApiId, canary, { failRatio: 0, status: 503 })
    expect((await hitMany(url, 20)).map(h => h.status)).toEqual(Array(20).fill(200))
  })

  it('refuses a ratio outside 0..1 and statuses that are not HTTP ones', async () => {
    const { restApiId, canary } = await canaryApi(ctx, 100)
    expect(() => ctx.emu.setDeploymentBehaviour(restApiId, canary, { failRatio: 1.5 })).toThrow(TypeError)
    expect(() => ctx.emu.setDeploymentBehaviour(restApiId, canary, { status: 42 })).toThrow(TypeError)
    expect((await post({ restApiId, deploymentId: canary, behaviour: { failRatio: -1 } })).status).toBe(400)
    expect((await fetch(`${ctx.emu.invokeUrl(restApiId, 'prod')}/health`)).status).toBe(200)
  })

  it('is also reachable over HTTP', async () => {
    const { restApiId, base } = await canaryApi(ctx, 0)
    const url = `${ctx.emu.invokeUrl(restApiId, 'prod')}/health`
    expect((await post({ restApiId, deploymentId: base, behaviour: { status: 500 } })).status).toBe(200)
    expect((await fetch(url)).status).toBe(500)

    expect((await post({ restApiId, deploymentId: base, behaviour: { failRatio: 0.5 } })).status).toBe(200)
    expect(new Set((await hitMany(url, 40)).map(h => h.status))).toEqual(new Set([200, 500]))
    expect((await post({ restApiId, deploymentId: base, behaviour: null })).status).toBe(200)
    expect((await fetch(url)).status).toBe(200)
  })
})
