import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CallRecord } from '../control-plane/handler.js'
import { readBody, sendJson } from '../http/http-util.js'
import type { DeploymentBehaviour } from '../invoke/behaviour.js'
import type { FailSpec, FaultInjector } from './faults.js'

/** What the /_emulator/* endpoints expose to out-of-process users (demo script, benchmark). */
export interface AdminApi {
  readonly calls: readonly CallRecord[]
  resetCalls(): void
  readonly faults: FaultInjector
  setDeploymentBehaviour(
    restApiId: string,
    deploymentId: string,
    behaviour: DeploymentBehaviour | undefined
  ): void
  seed(n: number): void
  /**
   * Registers a regional WAFv2 web ACL named `name` for AssociateWebACL and returns its ARN,
   * arn:aws:wafv2:{region}:{account}:regional/webacl/{name}/{id}.
   */
  addWebAcl(name: string): string
}

/** Body of POST /_emulator/faults, mirroring the emu.faults methods (named as in CallRecord.faults). */
type FaultRequest =
  | { fault: 'throttle'; operation: string; count: number; retryAfterSeconds?: number }
  | { fault: 'fail'; operation: string; error: FailSpec; count?: number }
  | { fault: 'latency'; operation: string; ms: number; count?: number | null; after?: boolean }
  | { fault: 'hang'; operation: string; count?: number }
  | { fault: 'drop-response'; operation: string; count?: number }
  | { fault: 'clear' }

class AdminError extends Error {}

function applyFault(faults: FaultInjector, f: FaultRequest): void {
  switch (f.fault) {
    case 'throttle':
      return faults.throttle(f.operation, f.count, f.retryAfterSeconds)
    case 'fail':
      return faults.fail(f.operation, f.error, f.count)
    case 'latency':
      // JSON has no Infinity: a missing or null count means "every call".
      return faults.latency(f.operation, f.ms, f.count ?? Infinity, { after: f.after === true })
    case 'hang':
      return faults.hang(f.operation, f.count)
    case 'drop-response':
      return faults.dropResponse(f.operation, f.count)
    case 'clear':
      return faults.clear()
    default:
      throw new AdminError(`unknown fault kind: ${JSON.stringify(f)}`)
  }
}

export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  api: AdminApi
): Promise<void> {
  const raw = await readBody(req)
  const route = `${req.method} ${url.pathname}`
  try {
    const body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}
    switch (route) {
      case 'GET /_emulator/health':
        return sendJson(res, 200, { ok: true })
      case 'GET /_emulator/calls':
        return sendJson(res, 200, api.calls)
      case 'POST /_emulator/reset-calls':
        api.resetCalls()
        return sendJson(res, 200, { ok: true })
      case 'POST /_emulator/faults':
        for (const f of Array.isArray(body) ? body : [body]) applyFault(api.faults, f as FaultRequest)
        return sendJson(res, 200, { ok: true })
      case 'POST /_emulator/deployment-behaviour': {
        const { restApiId, deploymentId, behaviour } = body as {
          restApiId?: string
          deploymentId?: string
          behaviour?: DeploymentBehaviour | null
        }
        if (!restApiId || !deploymentId) throw new AdminError('restApiId and deploymentId are required')
        api.setDeploymentBehaviour(restApiId, deploymentId, behaviour ?? undefined)
        return sendJson(res, 200, { ok: true })
      }
      case 'POST /_emulator/web-acls':
        if (typeof body.name !== 'string') throw new AdminError('name must be a string')
        return sendJson(res, 200, { arn: api.addWebAcl(body.name) })
      case 'POST /_emulator/seed':
        if (typeof body.seed !== 'number') throw new AdminError('seed must be a number')
        api.seed(body.seed)
        return sendJson(res, 200, { ok: true })
      default:
        return sendJson(res, 404, { message: `unknown emulator endpoint ${route}` })
    }
  } catch (err) {
    if (err instanceof AdminError || err instanceof SyntaxError || err instanceof TypeError) {
      return sendJson(res, 400, { message: err.message })
    }
    throw err
  }
}
