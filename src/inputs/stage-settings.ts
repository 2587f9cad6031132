/**
 * The stage's configuration as code: settings, per-method overrides, access logs, tags, usage plans and a
 * WAF web ACL. Every field is optional: what is not given is left as it is on the stage.
 */
import {
  ACCESS_LOG_PRESETS,
  expandAccessLogFormat,
  identifiesRequests
} from '../stage-settings/access-log-formats.js'
import {
  CACHE_CLUSTER_SIZES,
  METHOD_SETTING_FIELDS,
  type CacheClusterSize,
  type MethodSettings
} from '../stage-settings/fields.js'
import { ACTION_TAG_PREFIX } from '../stage-settings/action-tags.js'
import { readMethodSettings, type MethodSettingsEntry, type ParseStructured } from './method-settings.js'
import { splitLines, VARIABLE_NAME, type Readers } from './readers.js'

export type { MethodSettingsEntry, ParseStructured } from './method-settings.js'

export interface StageSettingsInputs {
  /** The `/*\/*` settings: the whole stage. */
  stageWide: MethodSettings
  methods: MethodSettingsEntry[]
  cacheClusterEnabled?: boolean
  cacheClusterSize?: CacheClusterSize
  tracingEnabled?: boolean
  clientCertificateId?: string
  accessLog: { destinationArn?: string; format?: string }
  variablesRemove: string[]
  /** The stage's whole tag set (AWS-reserved `aws:` tags aside); undefined: tags are not managed. */
  tags?: Record<string, string>
  usagePlans?: { inherit: boolean; refs: string[] }
  webAclArn?: string
  waitForCache: boolean
}

// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_LogGroup.html (arn) and
// https://docs.aws.amazon.com/apigateway/latest/api/API_AccessLogSettings.html: a Firehose stream's name
// must begin with amazon-apigateway-.
const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[\w.\-/#]{1,512}$/
const FIREHOSE_ARN =
  /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/amazon-apigateway-[\w.-]{1,46}$/
const CLIENT_CERTIFICATE_ID = /^[a-z0-9]{1,32}$/
// https://docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html: a regional web ACL's ARN.
const WEB_ACL_ARN =
  /^arn:aws[a-z-]*:wafv2:([a-z0-9-]+):\d{12}:regional\/webacl\/[\w-]{1,128}\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/
// https://docs.aws.amazon.com/apigateway/latest/api/API_TagResource.html and AWS's tagging rules: keys 1 to
// 128 characters, values up to 256, letters, digits, spaces and _ . : / = + - @; "aws:" is reserved; at
// most 50 tags on a resource.
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u
const MAX_TAGS = 50

export function readStageSettings(read: Readers, parse: ParseStructured): StageSettingsInputs {
  const { problems } = read
  const stageWide: MethodSettings = {}
  for (const field of METHOD_SETTING_FIELDS) {
    const raw = read.get(field.input)
    if (raw === '') continue
    const value = field.parse(raw)
    if (value === undefined) problems.bad(field.input, raw, field.rule)
    else Object.assign(stageWide, { [field.field]: value })
  }

  const cacheClusterSize = read.get('cache-cluster-size')
  if (cacheClusterSize && !(CACHE_CLUSTER_SIZES as readonly string[]).includes(cacheClusterSize))
    problems.bad(
      'cache-cluster-size',
      cacheClusterSize,
      `is not a cache cluster size: one of ${CACHE_CLUSTER_SIZES.join(', ')} (GB).`
    )

  const clientCertificateId = read.text('client-certificate-id')
  if (clientCertificateId && !CLIENT_CERTIFICATE_ID.test(clientCertificateId))
    problems.bad(
      'client-certificate-id',
      clientCertificateId,
      'is not a client certificate id (like "a1b2c3").'
    )

  const webAclArn = read.text('web-acl-arn')
  if (webAclArn && !WEB_ACL_ARN.test(webAclArn))
    problems.bad(
      'web-acl-arn',
      webAclArn,
      'is not a regional WAFv2 web ACL ARN (arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID).'
    )

  return {
    stageWide,
    methods: readMethodSettings(read, parse),
    cacheClusterEnabled: read.optionalBoolean('cache-cluster-enabled'),
    cacheClusterSize: (CACHE_CLUSTER_SIZES as readonly string[]).includes(cacheClusterSize)
      ? (cacheClusterSize as CacheClusterSize)
      : undefined,
    tracingEnabled: read.optionalBoolean('tracing-enabled'),
    clientCertificateId,
    accessLog: readAccessLog(read),
    variablesRemove: readVariableNames(read, 'stage-variables-remove'),
    tags: readTags(read),
    usagePlans: readUsagePlans(read),
    webAclArn,
    waitForCache: read.boolean('wait-for-cache', false)
  }
}

/** Whether any stage configuration is asked for (beyond the deployment's description and variables). */
export function hasStageSettings(settings: StageSettingsInputs): boolean {
  return (
    Object.keys(settings.stageWide).length > 0 ||
    settings.methods.length > 0 ||
    settings.cacheClusterEnabled !== undefined ||
    settings.cacheClusterSize !== undefined ||
    settings.tracingEnabled !== undefined ||
    settings.clientCertificateId !== undefined ||
    settings.accessLog.destinationArn !== undefined ||
    settings.accessLog.format !== undefined ||
    settings.variablesRemove.length > 0 ||
    settings.tags !== undefined ||
    settings.usagePlans !== undefined ||
    settings.webAclArn !== undefined
  )
}

function readAccessLog(read: Readers): StageSettingsInputs['accessLog'] {
  const destinationArn = read.text('access-log-destination-arn')
  if (destinationArn?.endsWith(':*'))
    read.problems.bad(
      'access-log-destination-arn',
      destinationArn,
      'ends with ":*", which the CloudWatch console shows but API Gateway refuses: drop the ":*".'
    )
  else if (destinationArn && !LOG_GROUP_ARN.test(destinationArn) && !FIREHOSE_ARN.test(destinationArn))
    read.problems.bad(
      'access-log-destination-arn',
      destinationArn,
      'is not a CloudWatch Logs log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME) or a Firehose stream ARN whose name starts with amazon-apigateway-.'
    )
  const raw = read.text('access-log-format')
  if (raw === undefined) return { destinationArn }
  const format = expandAccessLogFormat(raw)
  if (/[\r\n]/.test(format))
    read.problems.add('Input "access-log-format": an access log format is a single line.')
  else if (!identifiesRequests(format))
    read.problems.add(
      `Input "access-log-format": the format must include $context.requestId (or $context.extendedRequestId), or be a preset: ${Object.keys(ACCESS_LOG_PRESETS).join(', ')}.`
    )
  return { destinationArn, format }
}

function readVariableNames(read: Readers, input: string): string[] {
  const names = read.list(input)
  for (const name of names)
    if (!VARIABLE_NAME.test(name))
      read.problems.bad(input, name, 'is not a stage variable name: letters, digits and _, at most 64.')
  return [...new Set(names)]
}

function readTags(read: Readers): Record<string, string> | undefined {
  const raw = read.get('tags')
  if (raw === '') return undefined
  const tags: Record<string, string> = {}
  for (const line of splitLines(raw)) {
    const eq = line.indexOf('=')
    const key = (eq < 0 ? line : line.slice(0, eq)).trim()
    const value = eq < 0 ? '' : line.slice(eq + 1).trim()
    if (eq < 0) read.problems.bad('tags', line, 'must be a key=value line.')
    else if (key.length === 0 || key.length > 128 || !TAG_TEXT.test(key))
      read.problems.bad(
        'tags',
        key,
        'is not a tag key: 1 to 128 letters, digits, spaces and _ . : / = + - @.'
      )
    else if (/^aws:/i.test(key)) read.problems.bad('tags', key, 'uses the prefix "aws:", which AWS reserves.')
    else if (key.startsWith(ACTION_TAG_PREFIX))
      read.problems.bad(
        'tags',
        key,
        `uses the prefix "${ACTION_TAG_PREFIX}", which this action keeps for itself.`
      )
    else if (value.length > 256 || !TAG_TEXT.test(value))
      read.problems.bad(
        'tags',
        value,
        `(tag ${key}) is not a tag value: up to 256 letters, digits, spaces and _ . : / = + - @.`
      )
    else if (key in tags) read.problems.bad('tags', key, 'is set twice.')
    else tags[key] = value
  }
  if (Object.keys(tags).length > MAX_TAGS)
    read.problems.add(`Input "tags": a stage has at most ${MAX_TAGS} tags.`)
  return tags
}

function readUsagePlans(read: Readers): StageSettingsInputs['usagePlans'] {
  const list = read.list('usage-plans')
  if (list.length === 0) return undefined
  const refs = list.filter(ref => ref !== 'inherit')
  for (const ref of refs)
    if (ref.length > 1024)
      read.problems.add('Input "usage-plans": a usage plan name has at most 1024 characters.')
  return { inherit: refs.length < list.length, refs: [...new Set(refs)] }
}

/** The web ACL's region, which must be the stage's (WAF regional resources are per region). */
export function webAclRegion(arn: string): string | undefined {
  return WEB_ACL_ARN.exec(arn)?.[1]
}
