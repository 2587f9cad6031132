import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { actionInputs, root, workflowProblems } from './workflow-rules.js'

// The README's examples are copied into workflows as they are: each must work the first time.
const readme = readFileSync(root('README.md'), 'utf8')
const inputs = actionInputs()
const THIS_ACTION = ['your-org/apigateway-deploy-action@v1', './']

/** The ```yaml blocks of a Markdown text, with the line each starts on. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = []
  for (const match of markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm))
    blocks.push({ line: markdown.slice(0, match.index).split('\n').length, text: match[1] })
  return blocks
}

/** What is wrong with one block: YAML that does not parse, or a workflow that breaks the rules. */
function blockProblems(text: string): string[] {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (error) {
    return [`invalid YAML: ${(error as Error).message}`]
  }
  // Anything with jobs, a job or steps in it is copied as a workflow, so it must be a complete one. Other
  // blocks (an input's value, say) are only checked for being valid YAML.
  const isWorkflow = /^\s*(jobs|runs-on|steps):/m.test(text)
  return isWorkflow ? workflowProblems(doc, inputs, THIS_ACTION) : []
}

const blocks = yamlBlocks(readme)

describe('README', () => {
  it('starts with the two commands a newcomer runs', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)
    expect(readme.indexOf('```')).toBe(firstBlock?.index)
    expect(firstBlock?.[1].split('\n').slice(0, 2)).toEqual([
      'npm ci && npm run demo   # the main job against the local API Gateway emulator: no AWS account needed',
      'npm ci && npm test       # the whole test suite (unit + end-to-end against the emulator and moto)'
    ])
  })

  it('has workflow examples', () => {
    expect(blocks.filter(block => /^jobs:/m.test(block.text)).length).toBeGreaterThanOrEqual(2)
  })

  it.each(blocks.map(block => [block.line, block.text]))(
    'the yaml block on line %i is valid, and a complete workflow if it has jobs',
    (_line, text) => {
      expect(blockProblems(text as string)).toEqual([])
    }
  )
})

// The checks on samples that must fail them.
describe('README example checks', () => {
  it('finds yaml blocks and their lines', () => {
    const sample = ['# t', '```yaml', 'a: 1', '```', '```json', '{}', '```', '```yml', 'b: 2', '```'].join(
      '\n'
    )
    expect(yamlBlocks(sample)).toEqual([
      { line: 2, text: 'a: 1\n' },
      { line: 8, text: 'b: 2\n' }
    ])
  })

  it('rejects invalid YAML, fragments with jobs, unknown inputs and ${{ }} in run', () => {
    expect(blockProblems('a: [1\n')[0]).toMatch(/^invalid YAML/)
    expect(blockProblems('jobs: {}\n')).toEqual(['no "name:"', 'no "on:"', 'no "permissions:"'])
    // A job without its workflow around it (how this README once showed the approval gate).
    expect(blockProblems('promote:\n  runs-on: ubuntu-latest\n  steps: []\n')).toEqual([
      'no "name:"',
      'no "on:"',
      'no "permissions:"',
      'no "jobs:"'
    ])
    const workflow = `
name: x
on: push
permissions: { contents: read }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: d
        uses: your-org/apigateway-deploy-action@v1
        with: { stage-name: prod, rest-api: a1b2c3d4e5 }
      - run: echo \${{ steps.d.outputs.invoke-url }}
`
    expect(blockProblems(workflow)).toEqual([
      'deploy, step d: with: rest-api is not an input in action.yml',
      'deploy, step 2: run: contains ${{ }}; pass the value through env:'
    ])
  })

  it('leaves fragments without jobs alone', () => {
    expect(blockProblems('with:\n  stage-name: prod\n')).toEqual([])
  })
})
