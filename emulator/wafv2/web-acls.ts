import type { Store } from '../control-plane/state.js'

// The web ACLs the emulator knows: WAFv2 itself is not emulated, so tests register the regional web ACLs
// they want to associate (emu.addWebAcl). ARN format: arn:aws:wafv2:{region}:{account}:regional/webacl/{name}/{id}
// (https://docs.aws.amazon.com/waf/latest/APIReference/API_WebACL.html; the id is a UUID).

export interface WebAclEntry {
  name: string
  id: string
  arn: string
}

// Web ACL names: 1-128 of [\w-] (https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html).
const NAME = /^[\w-]{1,128}$/

/** Registers a regional web ACL and returns its ARN; ids are drawn from the emulator's seeded ids. */
export function addWebAcl(store: Store, name: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new TypeError(`a web ACL name is 1-128 letters, digits, _ or -, got ${JSON.stringify(name)}`)
  }
  const id = uuidFrom(store)
  const arn = `arn:aws:wafv2:${store.region}:${store.accountId}:regional/webacl/${name}/${id}`
  store.webAcls.set(arn, { name, id, arn })
  return arn
}

/** A version-4-shaped UUID from the seeded id stream, so runs repeat. */
function uuidFrom(store: Store): string {
  const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[parseInt(store.ids.next(1), 36) % 16]).join(
    ''
  )
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
}
