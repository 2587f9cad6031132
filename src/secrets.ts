/**
 * Secrets from the inputs (probe header values), masked in every form they can take in what the action
 * writes: as given, JSON-escaped (outputs, state), URL-encoded, and HTML-escaped (the job summary). The
 * runner masks registered values in the log; files it does not mask (summary, outputs) go through redact().
 */
import * as core from '@actions/core'

const forms = new Set<string>()

export function secretForms(value: string): string[] {
  const variants = [
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  ]
  return [...new Set(variants)].filter(form => form !== '')
}

export function registerSecret(value: string): void {
  for (const form of secretForms(value)) {
    core.setSecret(form)
    forms.add(form)
  }
}

/** The text with every form of every registered secret replaced by ***. Longest first, so no part is left. */
export function redact(text: string): string {
  let out = text
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***')
  return out
}

/** The password of a proxy URL in the environment (http://user:password@proxy:3128), which the log must not show. */
export function proxySecrets(env: Record<string, string | undefined>): string[] {
  const secrets: string[] = []
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
    const value = env[name]
    if (!value) continue
    try {
      const { password } = new URL(value.includes('://') ? value : `http://${value}`)
      if (password) secrets.push(decodeURIComponent(password))
    } catch {
      // Not a URL: the proxy library will not use it either.
    }
  }
  return secrets
}
