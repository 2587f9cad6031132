import type { Store } from '../control-plane/state.js'
import type { StageJson } from '../control-plane/types.js'
import type { Body } from '../http/input.js'
import { invalidArn, nonexistentItem } from './errors.js'
import type { WebAclEntry } from './web-acls.js'

// The three WAFv2 operations that tie a web ACL to a regional resource, here API Gateway stages:
// https://docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html, API_DisassociateWebACL.html,
// API_GetWebACLForResource.html. A stage's ARN is arn:aws:apigateway:{region}::/restapis/{id}/stages/{name}
// (same pages). The association is kept on the stage, so GetStage shows it as webAclArn and it goes away
// with the stage.

export type WafOperation = (store: Store, body: Body) => unknown

// Anything ARN-like: "arn:partition:service:region:account:resource" with a non-empty resource.
const ARN = /^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:\S+$/
const STAGE_ARN = /^arn:aws[a-z-]*:apigateway:([a-z0-9-]+)::\/restapis\/([^/]+)\/stages\/([^/]+)$/

// A missing ARN is as invalid as a malformed one.
function arnMember(body: Body, name: string): string {
  const value = body[name]
  if (typeof value !== 'string' || !ARN.test(value)) throw invalidArn(typeof value === 'string' ? value : '')
  return value
}

/** The stage a ResourceArn names; an ARN of anything the emulator does not hold does not exist for WAF. */
function stageFor(store: Store, arn: string): StageJson {
  const match = STAGE_ARN.exec(arn)
  if (!match || match[1] !== store.region) throw nonexistentItem()
  const stage = store.apis.get(match[2])?.stages.get(match[3])
  if (!stage) throw nonexistentItem()
  return stage
}

function webAclFor(store: Store, arn: string): WebAclEntry {
  const acl = store.webAcls.get(arn)
  if (!acl) throw nonexistentItem()
  return acl
}

/** A WebACL as GetWebACLForResource returns it: the required members, for an ACL without rules. */
function webAclView(store: Store, acl: WebAclEntry) {
  return {
    Name: acl.name,
    Id: acl.id,
    ARN: acl.arn,
    DefaultAction: { Allow: {} },
    Rules: [],
    VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl.name },
    Capacity: 0,
    ManagedByFirewallManager: false,
    LabelNamespace: `awswaf:${store.accountId}:webacl:${acl.name}:`
  }
}

// Associating a stage that already has a web ACL replaces it (a resource has at most one).
const associateWebAcl: WafOperation = (store, body) => {
  const acl = webAclFor(store, arnMember(body, 'WebACLArn'))
  const stage = stageFor(store, arnMember(body, 'ResourceArn'))
  stage.webAclArn = acl.arn
  return {}
}

// Disassociating a stage without a web ACL succeeds and changes nothing.
const disassociateWebAcl: WafOperation = (store, body) => {
  const stage = stageFor(store, arnMember(body, 'ResourceArn'))
  delete stage.webAclArn
  return {}
}

// A stage without a web ACL answers an empty result (no WebACL member).
const getWebAclForResource: WafOperation = (store, body) => {
  const stage = stageFor(store, arnMember(body, 'ResourceArn'))
  const acl = stage.webAclArn ? store.webAcls.get(stage.webAclArn) : undefined
  return acl ? { WebACL: webAclView(store, acl) } : {}
}

export const wafOperations: Record<string, WafOperation> = {
  AssociateWebACL: associateWebAcl,
  DisassociateWebACL: disassociateWebAcl,
  GetWebACLForResource: getWebAclForResource
}
