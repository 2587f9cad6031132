/**
 * Tokens and what they may do, modelled on the GITHUB_TOKEN's `permissions:` block.
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token
 * ("write includes read"; a permission left out of the block is `none`.)
 */
import type { IncomingMessage } from 'node:http'
import { badCredentials, notAccessible, requiresAuthentication } from './errors.js'
import { ACTIONS_BOT, type UserRecord } from './store.js'

/** The permissions the fake's endpoints need, named as in a workflow's `permissions:` block. */
export type PermissionName = 'contents' | 'deployments' | 'issues' | 'pull-requests' | 'statuses'
export type PermissionLevel = 'none' | 'read' | 'write'
export type Permissions = Partial<Record<PermissionName, PermissionLevel>>

/** `permissions: write-all`, limited to the permissions the fake knows. */
export const WRITE_ALL: Readonly<Permissions> = Object.freeze({
  contents: 'write',
  deployments: 'write',
  issues: 'write',
  'pull-requests': 'write',
  statuses: 'write'
})

/**
 * `permissions: read-all`. Also the most a GITHUB_TOKEN gets on a `pull_request` run from a fork: "With the
 * exception of GITHUB_TOKEN, secrets are not passed to the runner ... The GITHUB_TOKEN has read-only
 * permissions in pull requests from forked repositories."
 * https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflows-in-forked-repositories
 */
export const READ_ALL: Readonly<Permissions> = Object.freeze({
  contents: 'read',
  deployments: 'read',
  issues: 'read',
  'pull-requests': 'read',
  statuses: 'read'
})

/** A token the fake accepts when startGitHubFake is given no `tokens`; it has WRITE_ALL. */
export const DEFAULT_TOKEN = 'ghs_fakeGitHubToken0000000000000000000'

export interface TokenGrant {
  permissions: Permissions
  /** Who the token acts as (comment authors, deployment creators); github-actions[bot] by default. */
  user: UserRecord
}

/**
 * Any one of these sets lets a request through; each set is a list of `permission: level` pairs that must
 * all hold. The REST docs list the sets per endpoint under "Fine-grained access tokens for ...".
 */
export type Requirement = ReadonlyArray<ReadonlyArray<readonly [PermissionName, 'read' | 'write']>>

const rank: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 }

function satisfies(permissions: Permissions, requirement: Requirement): boolean {
  return requirement.some(set =>
    set.every(([name, level]) => rank[permissions[name] ?? 'none'] >= rank[level])
  )
}

/**
 * The X-Accepted-GitHub-Permissions header: sets separated by "; ", pairs within a set by ",", names with
 * underscores (pull_requests=write). https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
 */
export function acceptedPermissions(requirement: Requirement): string {
  return requirement
    .map(set => set.map(([name, level]) => `${name.replace(/-/g, '_')}=${level}`).join(','))
    .join('; ')
}

export class Tokens {
  private readonly grants = new Map<string, TokenGrant>()

  add(token: string, permissions: Permissions, user: UserRecord = ACTIONS_BOT): void {
    if (!token) throw new TypeError('a token must be a non-empty string')
    this.grants.set(token, { permissions: { ...permissions }, user })
  }

  remove(token: string): void {
    this.grants.delete(token)
  }

  /**
   * The token of `Authorization: token X` or `Bearer X` (Octokit sends `token X`, or `bearer X` for a JWT;
   * GitHub takes either scheme, in any case), or undefined when there is no header.
   * https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api
   */
  static tokenOf(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization
    if (header === undefined) return undefined
    const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header)
    return match ? match[1] : ''
  }

  /** The grant for a request's token; throws GitHub's 401 when there is none. */
  authenticate(token: string | undefined, docs: string): TokenGrant {
    if (token === undefined) throw requiresAuthentication(docs)
    const grant = this.grants.get(token)
    if (!grant) throw badCredentials()
    return grant
  }

  /** Throws GitHub's 403 when the grant's permissions meet none of the endpoint's sets. */
  static authorize(grant: TokenGrant, requirement: Requirement, docs: string): void {
    if (!satisfies(grant.permissions, requirement))
      throw notAccessible(docs, acceptedPermissions(requirement))
  }
}
