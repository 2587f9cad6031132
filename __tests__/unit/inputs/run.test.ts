import { describe, expect, it } from '@jest/globals'
import { describeRun, readRun } from '../../../src/inputs/run.js'

describe('the workflow run', () => {
  it('is read from the variables the runner sets', () => {
    expect(
      readRun({
        GITHUB_SHA: 'abc',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_RUN_ID: '7',
        GITHUB_REPOSITORY: 'o/r'
      })
    ).toEqual({ sha: 'abc', ref: 'refs/heads/main', runId: '7', repository: 'o/r' })
    expect(readRun({ GITHUB_SHA: '' })).toEqual({})
  })

  it('describes the deployment by commit, ref and run, with what is known', () => {
    const run = { sha: '0123456789abcdef', ref: 'refs/pull/7/merge', runId: '42', repository: 'octo/api' }
    expect(describeRun(run)).toBe(
      'Deployed by GitHub Actions from 0123456789ab on refs/pull/7/merge (run 42 of octo/api)'
    )
    expect(describeRun({ runId: '42' })).toBe('Deployed by GitHub Actions from an unknown commit (run 42)')
    expect(describeRun({})).toBe('Deployed by GitHub Actions from an unknown commit')
  })
})
