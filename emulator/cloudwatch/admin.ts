import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody, sendJson } from '../http/http-util.js'
import type { TrafficInput, TrafficRecord } from '../invoke/traffic.js'
import type { MetricsClock } from './clock.js'

/** What tests drive for the CloudWatch metrics (also over HTTP, below). */
export interface MetricsAdminApi {
  /** The clock invoke requests are stamped with and GetMetricData takes as now. */
  readonly metricsClock: MetricsClock
  /** Every request the metrics count, served or recorded, in order (the array is live). */
  readonly traffic: readonly TrafficRecord[]
  /** Adds `count` requests (default 1) that did not go through an invoke URL; see TrafficInput. */
  recordTraffic(input: TrafficInput): TrafficRecord
  resetTraffic(): void
}

/** The /_emulator/* paths this module answers. */
export const METRICS_ADMIN_PATHS = new Set([
  '/_emulator/traffic',
  '/_emulator/reset-traffic',
  '/_emulator/metrics-clock'
])

class BadAdminRequest extends Error {}

export async function handleMetricsAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  api: MetricsAdminApi
): Promise<void> {
  const raw = await readBody(req)
  const route = `${req.method} ${url.pathname}`
  try {
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}
    switch (route) {
      case 'GET /_emulator/traffic':
        return sendJson(res, 200, api.traffic)
      case 'POST /_emulator/traffic': {
        const inputs = (Array.isArray(body) ? body : [body]) as TrafficInput[]
        return sendJson(
          res,
          200,
          inputs.map(input => api.recordTraffic(input))
        )
      }
      case 'POST /_emulator/reset-traffic':
        api.resetTraffic()
        return sendJson(res, 200, { ok: true })
      case 'GET /_emulator/metrics-clock':
        return sendJson(res, 200, { now: api.metricsClock.now() })
      case 'POST /_emulator/metrics-clock': {
        const { advanceMs, now, reset, rate } = body as {
          advanceMs?: number
          now?: number | string
          reset?: boolean
          rate?: number
        }
        if (reset === true) api.metricsClock.reset()
        else if (rate !== undefined) api.metricsClock.setRate(rate)
        else if (advanceMs !== undefined) api.metricsClock.advance(advanceMs)
        else if (now !== undefined) api.metricsClock.set(typeof now === 'string' ? new Date(now) : now)
        else throw new BadAdminRequest('give advanceMs, now (epoch ms or ISO 8601), rate or reset: true')
        return sendJson(res, 200, { now: api.metricsClock.now() })
      }
      default:
        return sendJson(res, 404, { message: `unknown emulator endpoint ${route}` })
    }
  } catch (err) {
    if (err instanceof BadAdminRequest || err instanceof SyntaxError || err instanceof TypeError)
      return sendJson(res, 400, { message: err.message })
    throw err
  }
}
