/**
 * moto's server (`python3 -m moto.server`), an independent implementation of API Gateway and CloudWatch,
 * started on 127.0.0.1 for a test file and stopped after it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

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
