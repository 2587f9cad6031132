import { describe, expect, it } from '@jest/globals'
import {
  checkDefinitionsAcross,
  definitionSecretsOf,
  readDefinitionInputs,
  type DefinitionInputs
} from '../../../src/inputs/definitions.js'
import { Problems, Readers } from '../../../src/inputs/readers.js'

function read(
  values: Record<string, string>,
  region = 'eu-west-1'
): { inputs: DefinitionInputs; problems: string[] } {
  const problems = new Problems()
  const inputs = readDefinitionInputs(new Readers(name => values[name] ?? '', problems), region)
  return { inputs, problems: problems.list }
}

const problemsOf = (values: Record<string, string>, region?: string): string[] =>
  read(values, region).problems

describe('definition inputs', () => {
  it('reads nothing when no definition input is set', () => {
    expect(read({})).toEqual({
      inputs: { import: undefined, export: undefined, sdk: undefined },
      problems: []
    })
  })

  it('takes the defaults action.yml gives as no intent', () => {
    const defaults = {
      'api-definition-mode': 'overwrite',
      'fail-on-warnings': 'true',
      'skip-unchanged': 'false'
    }
    expect(read({ ...defaults, 'export-format': 'json' }).problems).toEqual([])
  })

  it('reads an import with its defaults', () => {
    expect(read({ 'api-definition': 'api/openapi.yaml' })).toEqual({
      inputs: {
        import: {
          path: 'api/openapi.yaml',
          mode: 'overwrite',
          failOnWarnings: true,
          parameters: {},
          variables: {},
          skipUnchanged: false
        },
        export: undefined,
        sdk: undefined
      },
      problems: []
    })
  })

  it('reads every import input', () => {
    const { inputs, problems } = read({
      'api-definition': '/abs/openapi.json',
      'api-definition-mode': 'merge',
      'fail-on-warnings': 'false',
      'definition-parameters':
        'basepath=split\nendpointConfigurationTypes=REGIONAL\n# a comment\nignore=documentation',
      'definition-variables':
        'ACCOUNT_ID=123456789012\nLAMBDA_ARN=arn:aws:lambda:eu-west-1:123456789012:function:f\nQUERY=a=b',
      'skip-unchanged': 'true'
    })
    expect(problems).toEqual([])
    expect(inputs.import).toEqual({
      path: '/abs/openapi.json',
      mode: 'merge',
      failOnWarnings: false,
      parameters: { basepath: 'split', endpointConfigurationTypes: 'REGIONAL', ignore: 'documentation' },
      variables: {
        ACCOUNT_ID: '123456789012',
        LAMBDA_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:f',
        QUERY: 'a=b'
      },
      skipUnchanged: true
    })
  })

  it('names each bad import input', () => {
    expect(
      problemsOf({
        'api-definition': 'openapi.yaml',
        'api-definition-mode': 'replace',
        'fail-on-warnings': 'yes',
        'skip-unchanged': '1'
      })
    ).toEqual([
      'Input "api-definition-mode": "replace" is not one of: overwrite, merge.',
      'Input "fail-on-warnings": "yes" must be true or false.',
      'Input "skip-unchanged": "1" must be true or false.'
    ])
  })

  it('takes only the parameters PutRestApi documents, with their values', () => {
    expect(
      problemsOf({
        'api-definition': 'openapi.yaml',
        'definition-parameters': [
          'basepath=strip',
          'endpointConfigurationTypes=regional',
          'ignore=models',
          'format=yaml',
          'mode=merge',
          'failonwarnings=true',
          'no-equals',
          'basepath=ignore',
          'basepath=prepend'
        ].join('\n')
      })
    ).toEqual([
      'Input "definition-parameters": "strip" (parameter basepath) is not one of: ignore, prepend, split.',
      'Input "definition-parameters": "regional" (parameter endpointConfigurationTypes) is not one of: EDGE, REGIONAL, PRIVATE.',
      'Input "definition-parameters": "models" (parameter ignore) is not one of: documentation.',
      'Input "definition-parameters": "format" is not a parameter PutRestApi documents: use basepath, endpointConfigurationTypes, ignore.',
      'Input "definition-parameters": set "mode" with the input "api-definition-mode", not here.',
      'Input "definition-parameters": set "failonwarnings" with the input "fail-on-warnings", not here.',
      'Input "definition-parameters": "no-equals" must be a name=value line.',
      'Input "definition-parameters": "basepath" is set twice.'
    ])
  })

  it('refuses an edge-optimized endpoint in a China region', () => {
    const values = { 'api-definition': 'a.yaml', 'definition-parameters': 'endpointConfigurationTypes=EDGE' }
    expect(problemsOf(values, 'cn-north-1')).toEqual([
      'Input "definition-parameters": endpointConfigurationTypes=EDGE is not offered in cn-north-1 (the China regions have no edge-optimized APIs): use REGIONAL or PRIVATE.'
    ])
    expect(problemsOf(values, 'us-east-1')).toEqual([])
  })

  it('checks definition variables without echoing their values', () => {
    const found = problemsOf({
      'api-definition': 'openapi.yaml',
      'definition-variables': [
        '1ST=x',
        'has-dash=y',
        'EMPTY=',
        'TOKEN=s3cr3t-value',
        'TOKEN=other-secret',
        's3cr3t'
      ].join('\n')
    })
    expect(found).toEqual([
      'Input "definition-variables": "1ST" is not a placeholder name: letters, digits and _, not starting with a digit (the file writes ${NAME}).',
      'Input "definition-variables": "has-dash" is not a placeholder name: letters, digits and _, not starting with a digit (the file writes ${NAME}).',
      'Input "definition-variables": EMPTY is empty (a secret or variable that is not set?); the file would get an empty string.',
      'Input "definition-variables": "TOKEN" is set twice.',
      'Input "definition-variables": every line must be NAME=value.'
    ])
    expect(found.join('\n')).not.toMatch(/s3cr3t|other-secret/)
  })

  it('refuses the import inputs without a definition', () => {
    expect(
      problemsOf({
        'api-definition-mode': 'merge',
        'fail-on-warnings': 'false',
        'definition-parameters': 'basepath=split',
        'definition-variables': 'A=b',
        'skip-unchanged': 'true'
      })
    ).toEqual(
      [
        'api-definition-mode',
        'fail-on-warnings',
        'definition-parameters',
        'definition-variables',
        'skip-unchanged'
      ].map(name => `Input "${name}" applies to an imported definition: set "api-definition" (the file).`)
    )
  })

  it('does not call the import inputs orphans when the path itself is refused', () => {
    expect(problemsOf({ 'api-definition': '~/api.yaml', 'skip-unchanged': 'true' })).toEqual([
      'Input "api-definition": "~/api.yaml" starts with "~", which only a shell expands: write it relative to the workspace, or absolute.'
    ])
  })

  it('checks paths: no NUL, one line, no ~, a file name for what it writes', () => {
    expect(
      problemsOf({
        'api-definition': 'api\0.yaml',
        'export-type': 'oas30',
        'export-path': '~/exports/api.json',
        'sdk-type': 'javascript',
        'sdk-path': 'out/'
      })
    ).toEqual([
      'Input "api-definition": a path cannot hold a NUL character.',
      'Input "export-path": "~/exports/api.json" starts with "~", which only a shell expands: write it relative to the workspace, or absolute.',
      'Input "sdk-path": "out/" names a directory: give the file name too, like "out/api.json".'
    ])
    expect(problemsOf({ 'api-definition': 'a.yaml\nb.yaml' })).toEqual([
      'Input "api-definition": "a.yaml\\nb.yaml" must be one path, on one line.'
    ])
    expect(problemsOf({ 'export-type': 'swagger', 'export-path': 'out/..' })).toEqual([
      'Input "export-path": "out/.." names a directory: give the file name too, like "out/api.json".'
    ])
    // Relative paths leaving the workspace and absolute paths are the user's to choose.
    expect(
      problemsOf({
        'api-definition': '../shared/api.yaml',
        'export-type': 'oas30',
        'export-path': '/tmp/x.json'
      })
    ).toEqual([])
  })

  it('reads an export, its format from the path unless given', () => {
    expect(read({ 'export-type': 'oas30', 'export-path': 'out/api.yml' }).inputs.export).toEqual({
      type: 'oas30',
      format: 'yaml',
      extensions: [],
      path: 'out/api.yml'
    })
    expect(read({ 'export-type': 'swagger', 'export-path': 'out/api' }).inputs.export?.format).toBe('json')
    expect(
      read({
        'export-type': 'swagger',
        'export-format': 'yaml',
        'export-path': 'out/api.txt',
        'export-extensions': 'integrations, authorizers\npostman,integrations'
      }).inputs.export
    ).toEqual({
      type: 'swagger',
      format: 'yaml',
      extensions: ['integrations', 'authorizers', 'postman'],
      path: 'out/api.txt'
    })
  })

  it('names each bad export input', () => {
    expect(
      problemsOf({
        'export-type': 'openapi',
        'export-format': 'xml',
        'export-extensions': 'integrations,swagger',
        'export-path': 'a.json'
      })
    ).toEqual([
      'Input "export-type": "openapi" is not one of: oas30, swagger.',
      'Input "export-format": "xml" is not one of: json, yaml.',
      'Input "export-extensions": "swagger" is not one of: integrations, apigateway, authorizers, postman.'
    ])
    expect(
      problemsOf({ 'export-type': 'oas30', 'export-format': 'yaml', 'export-path': 'api.json' })
    ).toEqual([
      'Inputs "export-format" and "export-path": the export is yaml but "api.json" ends as a json file. Make them agree.'
    ])
  })

  it('wants export-type and export-path together', () => {
    expect(problemsOf({ 'export-type': 'oas30' })).toEqual([
      'Input "export-type" needs "export-path": the file to write the export to.'
    ])
    expect(
      problemsOf({ 'export-path': 'a.json', 'export-format': 'yaml', 'export-extensions': 'integrations' })
    ).toEqual([
      'Input "export-path" needs "export-type" (oas30 or swagger): what to export.',
      'Input "export-format" needs "export-type" (oas30 or swagger).',
      'Input "export-extensions" needs "export-type" (oas30 or swagger).'
    ])
  })

  it('refuses an export or SDK written over the definition or each other', () => {
    expect(
      problemsOf({
        'api-definition': './api/openapi.json',
        'export-type': 'oas30',
        'export-path': 'api//openapi.json'
      })
    ).toEqual([
      'Inputs "export-path" and "api-definition" name the same file: the export would overwrite the definition. Write the export elsewhere.'
    ])
    expect(
      problemsOf({
        'export-type': 'oas30',
        'export-path': 'out/x.zip',
        'sdk-type': 'javascript',
        'sdk-path': 'out/x.zip'
      })
    ).toEqual(['Inputs "export-path" and "sdk-path" name the same file: give each its own.'])
  })

  it('reads an SDK with its parameters', () => {
    expect(
      read({
        'sdk-type': 'android',
        'sdk-parameters':
          'groupId=com.example\ninvokerPackage=com.example.api\nartifactId=api\nartifactVersion=1.0.0',
        'sdk-path': 'sdk/android.zip'
      }).inputs.sdk
    ).toEqual({
      type: 'android',
      parameters: {
        groupId: 'com.example',
        invokerPackage: 'com.example.api',
        artifactId: 'api',
        artifactVersion: '1.0.0'
      },
      path: 'sdk/android.zip'
    })
    expect(read({ 'sdk-type': 'javascript', 'sdk-path': 'sdk.zip' }).inputs.sdk).toEqual({
      type: 'javascript',
      parameters: {},
      path: 'sdk.zip'
    })
  })

  it.each([
    ['java', '', 'service.name, java.package-name', 'service.name, java.package-name'],
    ['java', 'service.name=Pets', 'service.name, java.package-name', 'java.package-name'],
    [
      'android',
      'groupId=g',
      'groupId, invokerPackage, artifactId, artifactVersion',
      'invokerPackage, artifactId, artifactVersion'
    ],
    ['objectivec', '', 'classPrefix', 'classPrefix'],
    ['swift', 'prefix=PET', 'classPrefix', 'classPrefix'],
    ['ruby', 'ruby.gem-name=pets', 'service.name', 'service.name']
  ])('names the parameters a %s SDK is missing', (type, parameters, needs, missing) => {
    expect(problemsOf({ 'sdk-type': type, 'sdk-parameters': parameters, 'sdk-path': 'sdk.zip' })).toEqual([
      `Input "sdk-parameters": a ${type} SDK needs ${needs}; missing: ${missing} (one name=value a line).`
    ])
  })

  it("points java's API-reference names to the ones GetSdk reads", () => {
    expect(
      problemsOf({
        'sdk-type': 'java',
        'sdk-parameters': 'serviceName=Pets\njavaPackageName=com.example',
        'sdk-path': 'sdk.zip'
      })
    ).toEqual([
      'Input "sdk-parameters": a java SDK needs service.name, java.package-name; missing: service.name, java.package-name (one name=value a line). "serviceName" (the API reference\'s name) is not what GetSdk reads: write "service.name". "javaPackageName" (the API reference\'s name) is not what GetSdk reads: write "java.package-name".'
    ])
  })

  it('names each bad SDK input', () => {
    expect(
      problemsOf({
        'sdk-type': 'python',
        'sdk-parameters': 'class prefix=X\nclassPrefix=\nok=1\nok=2',
        'sdk-path': 's.zip'
      })
    ).toEqual([
      'Input "sdk-type": "python" is not one of: javascript, java, android, objectivec, swift, ruby.',
      'Input "sdk-parameters": "class prefix" is not an SDK parameter name (like classPrefix or service.name).',
      'Input "sdk-parameters": classPrefix is empty.',
      'Input "sdk-parameters": "ok" is set twice.'
    ])
    expect(problemsOf({ 'sdk-type': 'javascript', 'sdk-path': 'out/sdk' })).toEqual([
      'Input "sdk-path": "out/sdk" is where the SDK zip is written: end it with .zip (it is not unpacked).'
    ])
  })

  it('wants sdk-type and sdk-path together, and parameters only with a type', () => {
    expect(problemsOf({ 'sdk-type': 'javascript' })).toEqual([
      'Input "sdk-type" needs "sdk-path": the zip file to write the SDK to.'
    ])
    expect(problemsOf({ 'sdk-path': 'sdk.zip', 'sdk-parameters': 'classPrefix=P' })).toEqual([
      'Input "sdk-path" needs "sdk-type" (javascript, java, android, objectivec, swift, ruby): which SDK to generate.',
      'Input "sdk-parameters" needs "sdk-type".'
    ])
  })

  it.each(['java', 'ruby'])('says before any call that China regions generate no %s SDK', type => {
    const values = {
      'sdk-type': type,
      'sdk-parameters': 'service.name=P\njava.package-name=p',
      'sdk-path': 'sdk.zip'
    }
    expect(problemsOf(values, 'cn-northwest-1')).toEqual([
      `Input "sdk-type": AWS does not generate ${type} SDKs in cn-northwest-1 (the China regions generate no java or ruby SDKs). Choose another type, or generate it from a copy of the API in another region.`
    ])
    expect(problemsOf(values, 'eu-west-1')).toEqual([])
    expect(
      problemsOf(
        { 'sdk-type': 'swift', 'sdk-parameters': 'classPrefix=P', 'sdk-path': 's.zip' },
        'cn-north-1'
      )
    ).toEqual([])
  })
})

describe('definition rules across areas', () => {
  const across = (
    values: Record<string, string>,
    areas: { command: string; releasesNewDeployment: boolean }
  ) => {
    const { inputs } = read(values)
    const problems = new Problems()
    checkDefinitionsAcross(problems, inputs, areas)
    return problems.list
  }
  const all = {
    'api-definition': 'a.yaml',
    'export-type': 'oas30',
    'export-path': 'a.json',
    'sdk-type': 'javascript',
    'sdk-path': 's.zip'
  }

  it('keeps definitions to command: deploy', () => {
    expect(across(all, { command: 'deploy', releasesNewDeployment: true })).toEqual([])
    expect(across(all, { command: 'configure-stage', releasesNewDeployment: true })).toEqual([
      'Inputs "api-definition", "export-type", "sdk-type" apply to "command: deploy", not "configure-stage".'
    ])
    expect(
      across(
        { 'sdk-type': 'javascript', 'sdk-path': 's.zip' },
        { command: 'rollback-canary', releasesNewDeployment: true }
      )
    ).toEqual(['Input "sdk-type" applies to "command: deploy", not "rollback-canary".'])
  })

  it('refuses an import with a release of an existing deployment', () => {
    expect(
      across({ 'api-definition': 'a.yaml' }, { command: 'deploy', releasesNewDeployment: false })
    ).toEqual([
      'Input "api-definition": the definition is imported into the API and released as a new deployment, but "from-stage" or "to-deployment" releases an existing one. Remove one of them.'
    ])
    expect(
      across(
        { 'export-type': 'oas30', 'export-path': 'a.json' },
        { command: 'deploy', releasesNewDeployment: false }
      )
    ).toEqual([])
  })
})

describe('definitionSecretsOf', () => {
  it('returns the variable values to mask, but not region names or tiny values', () => {
    const { inputs } = read({
      'api-definition': 'a.yaml',
      'definition-variables': 'ACCOUNT=123456789012\nREGION=eu-west-1\nSTAGE=v1\nKEY=abcd1234\nSAME=abcd1234'
    })
    expect(definitionSecretsOf(inputs)).toEqual(['123456789012', 'abcd1234'])
    expect(definitionSecretsOf(read({}).inputs)).toEqual([])
  })
})
