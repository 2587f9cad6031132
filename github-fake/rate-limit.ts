/**
 * The primary rate limit, counted per token: "The rate limit for GITHUB_TOKEN is 1,000 requests per hour per
 * repository" (the fake's default `rateLimit`), reported on every response in x-ratelimit-* headers. Once
 * spent, requests get 403 with x-ratelimit-remaining: 0 until x-ratelimit-reset.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-github_token-in-github-actions
 */
import { primaryRateLimitError } from './faults.js'

const WINDOW_MS = 3_600_000

interface Usage {
  used: number
  windowStart: number
}

export class RateLimits {
  private readonly usage = new Map<string, Usage>()

  constructor(readonly limit: number) {}

  /** Counts one request for `token`; returns the headers to send, or throws when the quota is spent. */
  hit(token: string, nowMs = Date.now()): Record<string, string> {
    let usage = this.usage.get(token)
    if (!usage || nowMs - usage.windowStart >= WINDOW_MS) {
      usage = { used: 0, windowStart: nowMs }
      this.usage.set(token, usage)
    }
    const reset = Math.floor((usage.windowStart + WINDOW_MS) / 1000)
    if (usage.used >= this.limit) throw primaryRateLimitError(403, this.limit, reset)
    usage.used += 1
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(this.limit - usage.used),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(usage.used),
      'x-ratelimit-resource': 'core'
    }
  }
}
