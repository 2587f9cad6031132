/**
 * The shared readers every area of inputs uses. Each reader records what is wrong in one problem list
 * instead of throwing, so a run reports every invalid input at once.
 */

/** Reads one input as the runner passes it (`core.getInput` semantics: trimmed, '' when unset). */
export type GetInput = (name: string) => string

// Decimal notation only: Number() would also take "0x10", "1e3", "Infinity" and " ", which nobody means.
const DECIMAL = /^-?\d+(\.\d+)?$/
const WHOLE = /^\d+$/
// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html (variables): names are
// alphanumeric or underscore, values match [A-Za-z0-9-._~:/?#&=,]+. Quotas page ("API Gateway quotas for
// configuring and running a REST API"): 100 variables per stage, 64 characters a name, 512 a value.
export const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/
const MAX_STAGE_VARIABLES = 100

export class Problems {
  readonly list: string[] = []
  /** Valid, but likely not what the user wants: logged as warnings before anything is sent. */
  readonly warnings: string[] = []

  warn(message: string): undefined {
    this.warnings.push(message)
    return undefined
  }

  /** A value that breaks a rule: names the input, shows the value, states the rule. */
  bad(input: string, value: string, rule: string): undefined {
    this.list.push(`Input "${input}": ${JSON.stringify(value)} ${rule}`)
    return undefined
  }

  /** A problem whose value must not be echoed (a secret) or that concerns several inputs. */
  add(message: string): undefined {
    this.list.push(message)
    return undefined
  }
}

export class Readers {
  constructor(
    readonly get: GetInput,
    readonly problems: Problems
  ) {}

  /** The input's text, or undefined when it is empty. */
  text(input: string): string | undefined {
    return this.get(input) || undefined
  }

  oneOf<T extends string>(input: string, allowed: readonly T[], fallback: T): T {
    const value = this.get(input)
    if (value === '') return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problems.bad(input, value, `is not one of: ${allowed.join(', ')}.`)
    return fallback
  }

  /** A decimal number in [min, max]; `whole` refuses fractions. */
  number(input: string, fallback: number, min: number, max: number, whole = false): number {
    const raw = this.get(input)
    if (raw === '') return fallback
    const value = parseDecimal(raw, whole)
    if (value === undefined || value < min || value > max) {
      this.problems.bad(input, raw, `must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}.`)
      return fallback
    }
    return value
  }

  boolean(input: string, fallback: boolean): boolean {
    return this.optionalBoolean(input) ?? fallback
  }

  /** true, false, or undefined when the input is not set (a setting the run leaves as it is). */
  optionalBoolean(input: string): boolean | undefined {
    const raw = this.get(input)
    if (raw === '') return undefined
    const value = parseBoolean(raw)
    if (value === undefined) this.problems.bad(input, raw, 'must be true or false.')
    return value
  }

  /** A decimal number in [min, max], or undefined when the input is not set. */
  optionalNumber(input: string, min: number, max: number, whole = false): number | undefined {
    if (this.get(input) === '') return undefined
    const value = this.number(input, NaN, min, max, whole)
    return Number.isNaN(value) ? undefined : value
  }

  /**
   * An http(s) URL without a trailing slash. User info (`user:pass@`) is refused and never echoed:
   * credentials in a URL would end up in logs; `bare` also refuses a query or fragment.
   */
  httpUrl(input: string, options: { bare?: boolean } = {}): string | undefined {
    const raw = this.get(input)
    if (raw === '') return undefined
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return this.problems.bad(input, raw, 'must be an http:// or https:// URL.')
    }
    if (url.username || url.password)
      return this.problems.add(
        `Input "${input}": the URL carries user info (user:password@); remove it (credentials do not belong in a URL).`
      )
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return this.problems.bad(input, raw, 'must be an http:// or https:// URL.')
    if (options.bare && (url.search || url.hash || raw.includes('?') || raw.includes('#')))
      return this.problems.bad(input, raw, 'must be a URL without a query (?) or fragment (#).')
    return raw.replace(/\/+$/, '')
  }

  /** A list given as lines or commas. */
  list(input: string): string[] {
    return splitList(this.get(input))
  }

  /** Stage variables as `NAME=value` lines, checked against API Gateway's rules and quota. */
  variables(input: string): Record<string, string> {
    const result: Record<string, string> = {}
    for (const line of splitLines(this.get(input))) {
      const eq = line.indexOf('=')
      const name = eq < 0 ? line : line.slice(0, eq).trim()
      const value = eq < 0 ? '' : line.slice(eq + 1).trim()
      if (eq < 0) this.problems.bad(input, line, 'must be a NAME=value line.')
      else if (!VARIABLE_NAME.test(name))
        this.problems.bad(
          input,
          name,
          'is not a valid stage variable name: use letters, digits and _, at most 64.'
        )
      else if (!VARIABLE_VALUE.test(value))
        this.problems.bad(
          input,
          value,
          `(variable ${name}) is not a valid stage variable value: 1 to 512 characters of letters, digits and -._~:/?#&=,`
        )
      else if (name in result) this.problems.bad(input, name, 'is set twice.')
      else result[name] = value
    }
    if (Object.keys(result).length > MAX_STAGE_VARIABLES)
      this.problems.add(
        `Input "${input}": API Gateway allows at most ${MAX_STAGE_VARIABLES} stage variables per stage.`
      )
    return result
  }
}

/** The YAML 1.2 core schema's booleans, as core.getBooleanInput accepts them; undefined for anything else. */
export function parseBoolean(raw: string): boolean | undefined {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  return undefined
}

/** A decimal number (digits, optional sign and fraction), or undefined for anything else. */
export function parseDecimal(raw: string, whole = false): number | undefined {
  if (!(whole ? WHOLE : DECIMAL).test(raw)) return undefined
  const value = Number(raw)
  return Number.isFinite(value) ? value : undefined
}

/** Non-empty trimmed lines of a multiline input; `#` starts a comment line. */
export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

/** A list given as lines or commas. */
export function splitList(value: string): string[] {
  return splitLines(value.replace(/,/g, '\n'))
}
