/**
 * `${NAME}` placeholders in a definition file, filled from `definition-variables`. Pure.
 *
 * - A declared name is filled wherever `${NAME}` appears.
 * - An undeclared upper-case name (`${LAMBDA_ARN}`) is a placeholder left unfilled: reported with its place.
 * - Anything else stays as written: `${stageVariables.fn}` (stage variables in integration URIs) and
 *   `${input}`-style Velocity references in mapping templates are API Gateway's own.
 * - `$${NAME}` writes `${NAME}` itself, for a placeholder-like text that must reach AWS as it is.
 */

export interface Filled {
  text: string
  /** Placeholders with no value, in file order: the name and its offset in the original text. */
  unfilled: { name: string; offset: number }[]
  /** The declared names the text uses. */
  used: Set<string>
  /** An offset in `text`, as an offset in the original (inside a filled value: the placeholder's start). */
  originalOffset(offset: number): number
}

const REFERENCE = /(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g
const UNDECLARED_PLACEHOLDER = /^[A-Z][A-Z0-9_]*$/

interface Replacement {
  originalStart: number
  originalEnd: number
  start: number
  end: number
}

/** `escape` fits a value to the file's syntax (JSON: string-escaped). */
export function fillPlaceholders(
  original: string,
  variables: Record<string, string>,
  escape: (value: string) => string = value => value
): Filled {
  const unfilled: Filled['unfilled'] = []
  const used = new Set<string>()
  const replacements: Replacement[] = []
  let text = ''
  let copied = 0
  for (const match of original.matchAll(REFERENCE)) {
    const [whole, dollar, name] = match
    const at = match.index
    const declared = Object.hasOwn(variables, name)
    if (!declared && !UNDECLARED_PLACEHOLDER.test(name)) continue
    let value: string
    if (dollar) value = whole.slice(1)
    else if (declared) {
      used.add(name)
      value = escape(variables[name])
    } else {
      unfilled.push({ name, offset: at })
      continue
    }
    text += original.slice(copied, at)
    replacements.push({
      originalStart: at,
      originalEnd: at + whole.length,
      start: text.length,
      end: text.length + value.length
    })
    text += value
    copied = at + whole.length
  }
  text += original.slice(copied)
  return {
    text,
    unfilled,
    used,
    originalOffset: offset => {
      let shifted = offset
      for (const r of replacements) {
        if (offset < r.start) break
        if (offset < r.end) return r.originalStart
        shifted = r.originalEnd + (offset - r.end)
      }
      return shifted
    }
  }
}

/** The 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.split('\n').length, column: before.length - lastBreak }
}
