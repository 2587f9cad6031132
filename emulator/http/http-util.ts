import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const payload = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...headers
  })
  res.end(payload)
}

/** A body that is not JSON (an exported API definition, an SDK zip), with the caller's content headers. */
export function sendBytes(
  res: ServerResponse,
  status: number,
  data: Buffer,
  headers: Record<string, string>
): void {
  res.writeHead(status, { ...headers, 'content-length': data.length, 'x-amzn-requestid': randomUUID() })
  res.end(data)
}

/**
 * Leaves a request unanswered until the client gives up or the emulator stops, then drops the
 * connection, so a hung call never holds stop() open.
 */
export function hangUp(res: ServerResponse, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => {
      signal.removeEventListener('abort', done)
      res.off('close', done)
      res.destroy()
      resolve()
    }
    if (signal.aborted) return done()
    signal.addEventListener('abort', done)
    res.on('close', done)
  })
}

/** Ends the connection with a TCP reset and no response: the client sees ECONNRESET. */
export function resetConnection(res: ServerResponse): void {
  if (res.socket) res.socket.resetAndDestroy()
  else res.destroy()
}

/** setTimeout as a promise that settles early (resolves) when the emulator stops. */
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
