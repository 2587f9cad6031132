/**
 * Associates a WAF web ACL with a stage (AWS WAFv2 AssociateWebACL). The WAFv2 client is loaded only when
 * `web-acl-arn` is set. https://docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html:
 * ResourceArn is the stage's ARN; associating replaces the stage's earlier web ACL.
 */
import { callAws } from './call.js'
import { clientOptions } from './proxy.js'

export interface WafOptions {
  region: string
  endpointUrl?: string
  retryDeadlineSeconds: number
  signal?: AbortSignal
}

export async function associateWebAcl(
  webAclArn: string,
  resourceArn: string,
  options: WafOptions
): Promise<void> {
  const sdk = await import('@aws-sdk/client-wafv2')
  const client = new sdk.WAFV2Client(clientOptions('wafv2', options))
  try {
    // Associating the same ACL again is harmless, so a lost answer is simply retried.
    await callAws(
      'AssociateWebACL',
      abortSignal =>
        client.send(new sdk.AssociateWebACLCommand({ WebACLArn: webAclArn, ResourceArn: resourceArn }), {
          abortSignal
        }),
      {
        deadlineMs: options.retryDeadlineSeconds * 1000,
        context: { region: options.region },
        signal: options.signal
      }
    )
  } finally {
    client.destroy()
  }
}
