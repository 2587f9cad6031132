/**
 * The routes the fake serves, named as Octokit names their methods (octokit.rest.<name>): these names key
 * faults and call records. Paths are in routes.ts.
 */
export const ROUTE_NAMES = [
  'issues.listComments',
  'issues.createComment',
  'issues.getComment',
  'issues.updateComment',
  'issues.deleteComment',
  'repos.listDeployments',
  'repos.createDeployment',
  'repos.getDeployment',
  'repos.deleteDeployment',
  'repos.listDeploymentStatuses',
  'repos.createDeploymentStatus',
  'repos.getDeploymentStatus',
  'pulls.list',
  'pulls.get'
] as const

export type RouteName = (typeof ROUTE_NAMES)[number]

export const isRouteName = (name: string): name is RouteName =>
  (ROUTE_NAMES as readonly string[]).includes(name)
