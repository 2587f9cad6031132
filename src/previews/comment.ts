/**
 * The preview's pull request comment, rendered by pure functions. A hidden marker names the API and stage,
 * so the comment is found again on every push (and a second preview of another API gets its own).
 */

export function commentMarker(restApiId: string, stageName: string): string {
  return `<!-- apigateway-deploy-action preview ${restApiId}/${stageName} -->`
}

export interface LiveComment {
  restApiId: string
  restApiName?: string
  stageName: string
  url: string
  deploymentId: string
  sha?: string
  runUrl?: string
  at: Date
}

export function liveComment(c: LiveComment): string {
  const rows = [
    ['URL', c.url],
    [
      'Stage',
      `\`${c.stageName}\` of ${c.restApiName ? `${c.restApiName} (\`${c.restApiId}\`)` : `\`${c.restApiId}\``}`
    ],
    ['Deployment', `\`${c.deploymentId}\``],
    ['Commit', c.sha ? `\`${c.sha.slice(0, 12)}\`` : 'unknown'],
    ['Updated', utc(c.at)]
  ]
  if (c.runUrl) rows.push(['Run', c.runUrl])
  return [
    commentMarker(c.restApiId, c.stageName),
    `### 🔎 Preview of this pull request: \`${c.stageName}\``,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([what, value]) => `| ${what} | ${value.replace(/\|/g, '\\|')} |`),
    '',
    'Updated on every push; the stage is deleted when the pull request closes.'
  ].join('\n')
}

export function removedComment(c: { restApiId: string; stageName: string; at: Date }): string {
  return [
    commentMarker(c.restApiId, c.stageName),
    `### 🧹 Preview \`${c.stageName}\` removed`,
    '',
    `The stage and its deployments were deleted on ${utc(c.at)}.`
  ].join('\n')
}

function utc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
