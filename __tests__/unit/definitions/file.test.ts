import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDefinition, readDefinitionFile } from '../../../src/definitions/file.js'
import { parseYaml } from '../../../src/inputs/yaml.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'definition-file-'))
  mkdirSync(join(dir, 'api'))
  writeFileSync(join(dir, 'api', 'openapi.yaml'), "openapi: '3.0.1'\ninfo: {title: '${TITLE}'}\npaths: {}\n")
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readDefinitionFile and loadDefinition', () => {
  it('reads the file relative to the workspace, or absolute', () => {
    expect(readDefinitionFile('api/openapi.yaml', dir)).toMatchObject({ ok: true })
    expect(readDefinitionFile(join(dir, 'api', 'openapi.yaml'), '/elsewhere')).toMatchObject({ ok: true })
  })

  it('says what is wrong with a path that is no file', () => {
    expect(readDefinitionFile('api/missing.yaml', dir)).toEqual({
      ok: false,
      problems: [
        `Input "api-definition": there is no file ${join(dir, 'api', 'missing.yaml')}. Check the path (relative to the workspace, ${dir}) and that the repository is checked out before this step.`
      ]
    })
    expect(readDefinitionFile('api', dir)).toEqual({
      ok: false,
      problems: [
        `Input "api-definition": ${join(dir, 'api')} is a directory: name the definition file in it.`
      ]
    })
  })

  it('prepares what it read, naming the file as the input does', () => {
    const loaded = loadDefinition({
      path: 'api/openapi.yaml',
      baseDir: dir,
      variables: { TITLE: 'pets' },
      parseYaml
    })
    expect(loaded).toMatchObject({
      ok: true,
      fileName: 'api/openapi.yaml',
      document: { info: { title: 'pets' } }
    })
    expect(
      loadDefinition({ path: 'api/openapi.yaml', baseDir: dir, variables: {}, parseYaml })
    ).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(/^Input "api-definition": api\/openapi\.yaml:2:16: \$\{TITLE\} has no value/)
      ]
    })
  })
})
