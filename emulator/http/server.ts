import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ControlPlaneDeps } from '../control-plane/handler.js'
import { handleControlPlane } from '../control-plane/handler.js'
import type { MetricsAdminApi } from '../cloudwatch/admin.js'
import { handleMetricsAdmin, METRICS_ADMIN_PATHS } from '../cloudwatch/admin.js'
import type { CloudWatchDeps } from '../cloudwatch/handler.js'
import { handleCloudWatch, isCloudWatchRequest } from '../cloudwatch/handler.js'
import type { AdminApi } from '../harness/admin.js'
import { handleAdmin } from '../harness/admin.js'
import { DOMAIN_PATH, domainForHost, handleCustomDomain } from '../invoke/custom-domains.js'
import type { InvokeDeps } from '../invoke/handler.js'
import { INVOKE_PATH, handleInvoke } from '../invoke/handler.js'
import { handleWafv2, isWafRequest } from '../wafv2/handler.js'
import { sendJson } from './http-util.js'

interface ServerDeps {
  controlPlane: ControlPlaneDeps
  invoke: InvokeDeps
  admin: AdminApi
  cloudwatch: CloudWatchDeps
  metricsAdmin: MetricsAdminApi
}

/**
 * One port serves three things: /_emulator/* admin, invoke URLs, and the control planes (API Gateway, and the
 * JSON protocols of WAFv2 and CloudWatch told apart by X-Amz-Target).
 */
function dispatch(deps: ServerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://emulator.local')
    let work: Promise<void>
    if (METRICS_ADMIN_PATHS.has(url.pathname)) work = handleMetricsAdmin(req, res, url, deps.metricsAdmin)
    else if (url.pathname.startsWith('/_emulator/')) work = handleAdmin(req, res, url, deps.admin)
    // WAFv2 (JSON 1.1: POST / with X-Amz-Target) shares the port, so its SDK client takes the same URL.
    else if (isWafRequest(req, url)) work = handleWafv2(req, res, url, deps.controlPlane)
    else if (isCloudWatchRequest(req, url)) work = handleCloudWatch(req, res, url, deps.cloudwatch)
    // Custom domain names: a Host header naming one, or the /_domains/{name}/... path form.
    else if (DOMAIN_PATH.test(url.pathname) || domainForHost(deps.invoke.store, req.headers.host)) {
      work = handleCustomDomain(req, res, url, deps.invoke)
    } else if (INVOKE_PATH.test(url.pathname)) work = handleInvoke(req, res, url, deps.invoke)
    else work = handleControlPlane(req, res, url, deps.controlPlane)
    work.catch(err => {
      console.error('[apigw-emulator] request failed:', err)
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { message: 'Internal emulator error' })
      else res.destroy()
    })
  }
}

export async function listen(deps: ServerDeps, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer(dispatch(deps))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // Always loopback: this is test support and must never be reachable from elsewhere.
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const { port: actual } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${actual}` }
}

export function close(server: Server): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve())
    // Idle keep-alive sockets of SDK clients would otherwise hold close() open.
    server.closeAllConnections()
  })
}
