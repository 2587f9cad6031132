/**
 * The JSON the fake returns, typed with the fields tests (and Octokit users) read; each object carries more
 * (see shapes.ts). Names and meanings are GitHub's: https://docs.github.com/en/rest
 */

export interface SimpleUserJson {
  login: string
  id: number
  type: 'User' | 'Bot'
  [field: string]: unknown
}

export interface RepositoryJson {
  id: number
  name: string
  full_name: string
  owner: SimpleUserJson
  private: boolean
  fork: boolean
  html_url: string
  default_branch: string
  [field: string]: unknown
}

/** https://docs.github.com/en/rest/issues/comments */
export interface IssueCommentJson {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: SimpleUserJson
  created_at: string
  updated_at: string
  [field: string]: unknown
}

/** https://docs.github.com/en/rest/deployments/deployments */
export interface DeploymentJson {
  id: number
  node_id: string
  url: string
  sha: string
  ref: string
  task: string
  payload: unknown
  environment: string
  original_environment: string
  description: string | null
  creator: SimpleUserJson
  transient_environment: boolean
  production_environment: boolean
  statuses_url: string
  created_at: string
  updated_at: string
  [field: string]: unknown
}

export type DeploymentStateJson =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

/** https://docs.github.com/en/rest/deployments/statuses */
export interface DeploymentStatusJson {
  id: number
  node_id: string
  url: string
  state: DeploymentStateJson
  description: string
  environment: string
  environment_url: string
  log_url: string
  target_url: string
  creator: SimpleUserJson
  deployment_url: string
  created_at: string
  updated_at: string
  [field: string]: unknown
}

export interface PullRequestRefJson {
  label: string
  ref: string
  sha: string
  user: SimpleUserJson
  repo: RepositoryJson
}

/** https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request (the full form) */
export interface PullRequestJson {
  id: number
  node_id: string
  number: number
  state: 'open' | 'closed'
  title: string
  body: string | null
  user: SimpleUserJson
  html_url: string
  url: string
  draft: boolean
  head: PullRequestRefJson
  base: PullRequestRefJson
  merged: boolean
  merged_at: string | null
  merge_commit_sha: string
  created_at: string
  updated_at: string
  closed_at: string | null
  [field: string]: unknown
}
