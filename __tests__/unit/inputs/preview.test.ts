import { describe, expect, it } from '@jest/globals'
import { readInputs, type EventPayload } from '../../../src/inputs/index.js'
import { previewNumber, previewPattern, previewStageName } from '../../../src/inputs/preview.js'
import { problemsOf } from './problems-of.js'

const base = { 'rest-api-id': 'abc123', 'aws-region': 'eu-west-1' }
const event = (number: number, fork = false): EventPayload => ({
  number,
  pull_request: {
    number,
    head: {
      sha: 'a'.repeat(40),
      ref: 'feature/Cats & Dogs',
      repo: { full_name: fork ? 'mallory/api' : 'octo/api', fork }
    },
    base: { repo: { full_name: 'octo/api' } }
  }
})
const read = (values: Record<string, string>, payload?: EventPayload) =>
  readInputs(name => ({ ...base, ...values })[name] ?? '', {}, { event: payload })
const problems = (values: Record<string, string>, payload?: EventPayload): string[] =>
  problemsOf(() => read(values, payload))

describe('preview inputs', () => {
  it('names the stage and the environment from the pull request', () => {
    const inputs = read({ preview: 'true', 'github-token': 'ghs_x' }, event(42))
    expect(inputs.target.stageName).toBe('pr-42')
    expect(inputs.preview).toMatchObject({
      enabled: true,
      environment: 'preview/pr-42',
      token: 'ghs_x',
      pullRequest: { number: 42, fork: false, headSha: 'a'.repeat(40) },
      stageQuota: 10,
      pruneClosed: false
    })
    expect(
      read({ preview: 'true', 'stage-name-template': 'pv-{branch}-{number}' }, event(7)).target.stageName
    ).toBe('pv-feature-Cats-Dogs-7')
    expect(read({ preview: 'true' }, event(3, true)).preview.pullRequest?.fork).toBe(true)
    expect(read({ preview: 'true', 'pull-request': '9' }).target.stageName).toBe('pr-9')
  })

  it('refuses what cannot name a preview', () => {
    expect(problems({ preview: 'true' })[0]).toContain('this run has none')
    expect(problems({ preview: 'true', 'stage-name': 'x' }, event(1))[0]).toContain('set one of them')
    expect(problems({ preview: 'true', 'stage-name-template': 'preview' }, event(1))[0]).toContain(
      'must contain {number}'
    )
    expect(problems({ preview: 'true', 'stage-name-template': 'pr.{number}' }, event(1))[0]).toContain(
      'must contain {number}'
    )
    expect(problems({ command: 'prune-previews' })[0]).toContain(
      '"github-token" is required by prune-previews'
    )
    expect(problems({ command: 'prune-previews', 'stage-name': 'x', 'github-token': 't' })[0]).toContain(
      'remove "stage-name"'
    )
    expect(problems({ 'stage-name': 'x', 'pull-request': 'abc' })[0]).toContain(
      'must be a pull request number'
    )
  })

  it('prune-previews needs no stage name', () => {
    expect(read({ command: 'prune-previews', 'github-token': 't' }).target.stageName).toBe('')
  })

  it('masks the token', async () => {
    const { secretsOf } = await import('../../../src/inputs/index.js')
    expect(secretsOf(read({ preview: 'true', 'github-token': 'ghp_secret' }, event(1)))).toContain(
      'ghp_secret'
    )
  })
})

describe('preview stage names and the prune pattern', () => {
  it('sanitises to a stage name and cuts at 128', () => {
    expect(previewStageName('pr-{number}', { number: 5, fork: false })).toBe('pr-5')
    expect(
      previewStageName('{branch}-{number}', { number: 5, headRef: 'x'.repeat(200), fork: false })
    ).toHaveLength(128)
    expect(previewStageName('{branch}-{number}', { number: 5, headRef: '///', fork: false })).toBe('head-5')
  })

  it('matches only stages of the template, and reads their PR number', () => {
    expect(previewNumber('pr-{number}', 'pr-12')).toBe(12)
    expect(previewNumber('pr-{number}', 'prod')).toBeUndefined()
    expect(previewNumber('pr-{number}', 'pr-12-old')).toBeUndefined()
    expect(previewNumber('pv-{branch}-{number}', 'pv-my-branch-7')).toBe(7)
    expect(previewPattern('pr-{number}').test('xpr-1')).toBe(false)
  })
})
