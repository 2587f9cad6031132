import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, inflateRawSync } from 'node:zlib'
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { GetResourcesCommand } from '@aws-sdk/client-api-gateway'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'definitions')

/** A definition file from __tests__/emulator/fixtures/definitions, as the bytes PutRestApi sends. */
export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name))

/** A definition written inline, as JSON bytes. */
export const definition = (doc: object): Buffer => Buffer.from(JSON.stringify(doc))

/** The API's resources by path, methods embedded. */
export async function resourcesByPath(client: APIGatewayClient, restApiId: string) {
  const { items = [] } = await client.send(
    new GetResourcesCommand({ restApiId, embed: ['methods'], limit: 500 })
  )
  return new Map(items.map(r => [r.path as string, r]))
}

/** A MOCK operation answering `status` with `template` (for inline definitions). */
export const mockOperation = (template: string, status = 200) => ({
  responses: { [String(status)]: { description: `${status} response` } },
  'x-amazon-apigateway-integration': {
    type: 'mock',
    requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
    responses: {
      default: { statusCode: String(status), responseTemplates: { 'application/json': template } }
    },
    passthroughBehavior: 'when_no_match'
  }
})

/** Reads a zip from its central directory, checking each entry's CRC-32 with node:zlib's (not the emulator's). */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.length - 22
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error('no end of central directory record')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory header')
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const stored = zip.subarray(dataStart, dataStart + size)
    const data = method === 8 ? inflateRawSync(stored) : stored
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`)
    files.set(name, data)
    at += 46 + nameLength + extra
  }
  return files
}
