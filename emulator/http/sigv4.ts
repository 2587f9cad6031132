import type { IncomingMessage } from 'node:http'

interface CredentialScope {
  accessKeyId: string
  date: string
  region: string
  service: string
}

// Only the presence and shape of a SigV4 signature are checked, not the signature itself: any
// credentials are accepted. Format: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
const SCOPE = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/

export function credentialScope(req: IncomingMessage, query: URLSearchParams): CredentialScope | undefined {
  const header = req.headers.authorization
  let credential: string | undefined
  if (header?.startsWith('AWS4-HMAC-SHA256 ')) {
    credential = /Credential=([^,\s]+)/.exec(header)?.[1]
    if (!/Signature=[0-9a-f]+/.test(header)) return undefined
  } else if (query.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256' && query.has('X-Amz-Signature')) {
    credential = query.get('X-Amz-Credential') ?? undefined
  }
  const match = credential ? SCOPE.exec(credential) : null
  if (!match) return undefined
  return { accessKeyId: match[1], date: match[2], region: match[3], service: match[4] }
}
