import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { actionInputs, root, usesProblem, workflowProblems } from './workflow-rules.js'

const inputs = actionInputs()
const workflowFiles = readdirSync(root('.github/workflows')).filter(file => /\.ya?ml$/.test(file))

describe('.github/workflows', () => {
  it('has CI, check-dist, CodeQL and the self-test', () => {
    expect(workflowFiles.sort()).toEqual(
      expect.arrayContaining(['check-dist.yml', 'ci.yml', 'codeql.yml', 'self-test.yml'])
    )
  })

  it.each(workflowFiles)('%s: valid YAML, complete, pinned, with declared inputs only', file => {
    const doc: unknown = parse(readFileSync(root(`.github/workflows/${file}`), 'utf8'))
    expect(workflowProblems(doc, inputs)).toEqual([])
  })

  it('self-test runs this action from the checkout, twice', () => {
    const doc = parse(readFileSync(root('.github/workflows/self-test.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { uses?: string }[] }>
    }
    const own = Object.values(doc.jobs).flatMap(job => job.steps.filter(step => step.uses === './'))
    expect(own).toHaveLength(2)
  })
})

describe('.github/dependabot.yml', () => {
  it('updates npm and GitHub Actions weekly, grouping minor and patch updates', () => {
    const doc = parse(readFileSync(root('.github/dependabot.yml'), 'utf8')) as {
      version: number
      updates: { 'package-ecosystem': string; schedule: { interval: string }; groups?: object }[]
    }
    expect(doc.version).toBe(2)
    expect(doc.updates.map(u => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of doc.updates) {
      expect(update.schedule.interval).toBe('weekly')
      expect(JSON.stringify(update.groups)).toContain('"update-types":["minor","patch"]')
    }
  })
})

// The rules themselves, on samples that break them: a rule that never fails checks nothing.
describe('workflow rules', () => {
  it('accepts ./, major tags and full SHAs, and nothing looser', () => {
    for (const ok of [
      './',
      'actions/checkout@v4',
      'github/codeql-action/init@v3',
      'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683'
    ])
      expect(usesProblem(ok)).toBeUndefined()
    for (const bad of [
      'actions/checkout@main',
      'actions/checkout@v4.2.2',
      'actions/checkout',
      'actions/checkout@11bd719',
      './other'
    ])
      expect(usesProblem(bad)).toMatch(/not pinned|neither/)
  })

  it('reports every problem of a bad workflow', () => {
    const bad = parse(`
name: bad
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main
      - id: deploy
        uses: ./
        with:
          rest-api-id: a1b2c3d4e5
          canary-pecent: 10
      - run: curl "\${{ steps.deploy.outputs.invoke-url }}"
`)
    expect(workflowProblems(bad, inputs)).toEqual([
      'no "permissions:"',
      'deploy, step 1: uses: actions/checkout@main is neither ./ nor pinned to a major tag (@v4) or a full commit SHA',
      'deploy, step deploy: with: canary-pecent is not an input in action.yml',
      'deploy, step deploy: with: the required input stage-name is missing (or preview: true, or command: prune-previews)',
      'deploy, step 3: run: contains ${{ }}; pass the value through env:'
    ])
  })

  it('reads the inputs from action.yml', () => {
    const sample = actionInputs(`
inputs:
  a: { description: x, required: true }
  b: { description: y }
`)
    expect([...sample.declared]).toEqual(['a', 'b'])
    expect(sample.required).toEqual(['a'])
  })
})
