/**
 * Import, deploy and export against moto, an implementation of API Gateway we did not write. Where moto and
 * AWS's documentation disagree, AWS decides, and the test says so.
 */
import { afterAll, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeWithMoto, useMoto } from './moto.js'

const region = 'us-east-1'
const work = mkdtempSync(join(tmpdir(), 'definitions-moto-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// Known moto differences: moto's PutRestApi refuses Swagger 2.0 ("Only OpenAPI 3.x.x are currently
// supported") and answers 500 for a MOCK integration (its put_integration wants a uri); AWS imports both
// (developer guide, "Develop REST APIs using OpenAPI"). So against moto the round trip is OpenAPI 3 with
// HTTP_PROXY integrations; definitions.test.ts runs Swagger and MOCK against the emulator.
const proxy = (method: string) => ({
  type: 'http_proxy',
  httpMethod: method,
  uri: 'http://backend.example.com/',
  responses: { default: { statusCode: '200' } }
})
const DEFINITION = {
  openapi: '3.0.1',
  info: { title: 'moto-definitions', version: '1' },
  paths: {
    '/health': {
      get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': proxy('GET') }
    },
    '/orders': {
      post: {
        responses: { '201': { description: 'created' } },
        'x-amazon-apigateway-integration': proxy('POST')
      }
    }
  }
}

describeWithMoto('API definitions')('API definitions against moto', () => {
  const moto = useMoto({ region, apiName: 'moto-definitions' })

  it('imports an OpenAPI 3 file, deploys it and exports the stage', async () => {
    const file = join(work, 'api.json')
    writeFileSync(file, JSON.stringify(DEFINITION))
    const exportPath = join(work, 'export/api.json')
    const run = await moto.run({
      'stage-name': 'v1',
      'api-definition': file,
      'export-type': 'oas30',
      'export-path': exportPath
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    const exported = JSON.parse(readFileSync(exportPath, 'utf8'))
    // moto also lists the root "/", which has no method; the emulator's export (like AWS's, as far as its
    // documented examples show) lists only paths with methods.
    expect(
      Object.keys(exported.paths)
        .filter(path => path !== '/')
        .sort()
    ).toEqual(['/health', '/orders'])
    // Known moto difference: moto writes operation keys upper-case ("POST"); OpenAPI names them lower-case
    // ("post"), as AWS exports them.
    expect(Object.keys(exported.paths['/orders']).map(op => op.toLowerCase())).toContain('post')
  })
})
