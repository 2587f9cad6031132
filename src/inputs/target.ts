/** Where the action works: the command, the REST API and stage, the region and endpoints, the retry budget. */
import type { Readers } from './readers.js'

const COMMANDS = [
  'deploy',
  'configure-stage',
  'promote-canary',
  'rollback-canary',
  'delete-stage',
  'prune-previews'
] as const
export type Command = (typeof COMMANDS)[number]

export interface TargetInputs {
  api: { id: string } | { name: string }
  stageName: string
  region: string
  endpointUrl?: string
  cloudwatchEndpointUrl?: string
  retryDeadlineSeconds: number
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html (stageName)
export const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/
export const REST_API_ID = /^[a-z0-9]{1,32}$/
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/

export function readCommand(read: Readers): Command {
  return read.oneOf<Command>('command', COMMANDS, 'deploy')
}

export function readTarget(
  read: Readers,
  env: { AWS_REGION?: string; AWS_DEFAULT_REGION?: string },
  stage: {
    /** The preview's stage name, from the pull request (preview: true). */
    derived?: string
    /** prune-previews works on every preview stage: it names none. */
    none?: boolean
    /** preview: true names the stage (a missing pull request is the preview rule's to report). */
    preview?: boolean
  } = {}
): TargetInputs {
  const { problems } = read
  const apiId = read.get('rest-api-id')
  const apiName = read.get('rest-api-name')
  let api: TargetInputs['api'] = { id: '' }
  if (apiId && apiName) problems.add('Inputs "rest-api-id" and "rest-api-name": set one of them, not both.')
  else if (!apiId && !apiName)
    problems.add('Inputs "rest-api-id" and "rest-api-name": one is required (the REST API to deploy).')
  else if (apiId && !REST_API_ID.test(apiId))
    problems.bad(
      'rest-api-id',
      apiId,
      'is not a REST API id (lowercase letters and digits, like "a1b2c3d4e5").'
    )
  else if (apiName.length > 1024)
    problems.add('Input "rest-api-name": a REST API name has at most 1024 characters.')
  else api = apiId ? { id: apiId } : { name: apiName }

  const given = read.get('stage-name')
  if (given && stage.derived)
    problems.add(
      'Inputs "stage-name" and "preview": a preview names its stage from the pull request (stage-name-template); set one of them.'
    )
  if (given && stage.none)
    problems.add(
      'Input "stage-name": prune-previews finds the preview stages by "stage-name-template"; remove "stage-name".'
    )
  const stageName = stage.derived ?? given
  if (stageName === '' && !stage.none && !stage.preview)
    problems.add('Input "stage-name" is required (or "preview: true" on a pull request).')
  else if (stageName !== '' && !STAGE_NAME.test(stageName))
    problems.bad(
      'stage-name',
      stageName,
      'is not a valid stage name: use letters, digits, - and _, at most 128 characters.'
    )

  const region = read.get('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  if (region === '')
    problems.add(
      'Input "aws-region" is required: set it, or set AWS_REGION (aws-actions/configure-aws-credentials does).'
    )
  else if (!REGION.test(region))
    problems.bad('aws-region', region, 'is not an AWS region name (like "us-east-1").')

  const endpointUrl = read.httpUrl('endpoint-url', { bare: true })
  const cloudwatchEndpointUrl = read.httpUrl('cloudwatch-endpoint-url', { bare: true }) ?? endpointUrl
  const retryDeadlineSeconds = read.number('retry-deadline-seconds', 120, 1, 3600, true)
  return { api, stageName, region, endpointUrl, cloudwatchEndpointUrl, retryDeadlineSeconds }
}
