/** The HTTP plumbing: listening on loopback, reading bodies, writing GitHub-style JSON responses. */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Writes a response with the headers every api.github.com answer has (a request id, the media type, the
 * API version). A body of undefined is an empty response (204).
 */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>
): void {
  const payload = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    ...(body !== undefined && { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': Buffer.byteLength(payload),
    'x-github-request-id': randomUUID().toUpperCase().slice(0, 23),
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    ...headers
  })
  res.end(payload)
}

/** Ends the connection with a TCP reset and no response: the client sees ECONNRESET ("other side closed"). */
export function resetConnection(res: ServerResponse): void {
  if (res.socket) res.socket.resetAndDestroy()
  else res.destroy()
}

/** setTimeout as a promise that settles early (resolves) when the fake stops. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise(resolve => {
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}

export async function listen(
  handler: RequestListener,
  port: number
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler)
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
    // Idle keep-alive sockets of undici (Octokit's fetch) would otherwise hold close() open.
    server.closeAllConnections()
  })
}
