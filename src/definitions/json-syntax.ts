/**
 * Where a JSON text is wrong, and how. JSON.parse on Node 20 gives a position for some errors only ("Unexpected
 * token 'x', ... is not valid JSON" has none), so this small scanner finds the first error itself, worded the
 * same on every Node version. It also refuses a key given twice in one object, which JSON.parse would silently
 * drop (the YAML reader refuses the same). Pure; it validates, JSON.parse builds the value.
 */

export interface JsonSyntaxError {
  offset: number
  message: string
  /** For a duplicate key: where the first one is. */
  firstOffset?: number
}

const MAX_DEPTH = 1000
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

class Stop extends Error {
  constructor(readonly found: JsonSyntaxError) {
    super(found.message)
  }
}

export function findJsonError(text: string): JsonSyntaxError | undefined {
  let at = 0
  const fail = (message: string, offset = at, firstOffset?: number): never => {
    throw new Stop({ offset, message, firstOffset })
  }
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++
  }
  const unexpected = (expected: string): never => {
    if (at >= text.length) return fail(`the file ends where ${expected} should be`)
    const char = text[at]
    if (char === "'") return fail('a single quote: JSON strings and names take double quotes')
    if (char === '/' && (text[at + 1] === '/' || text[at + 1] === '*'))
      return fail('a comment: JSON has no comments')
    return fail(`unexpected ${JSON.stringify(char)} where ${expected} should be`)
  }
  const string = (): string => {
    const start = at
    at++
    for (;;) {
      if (at >= text.length) return fail('a string that is never closed (no ending ")', start)
      const char = text[at]
      if (char === '"') {
        at++
        return text.slice(start, at)
      }
      if (char === '\\') {
        const next = text[at + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6)))
            return fail('a \\u escape needs four hex digits')
          at += 6
        } else if (next !== undefined && ESCAPES.has(next)) at += 2
        else return fail(`an unknown escape "\\${next ?? ''}" in a string`)
      } else if (char.charCodeAt(0) < 0x20)
        return fail('a line break or control character inside a string: write it as \\n or \\t')
      else at++
    }
  }
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`values nested more than ${MAX_DEPTH} deep`)
    skipSpace()
    const char = text[at]
    if (char === '{') return object(depth)
    if (char === '[') return array(depth)
    if (char === '"') {
      string()
      return
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = at
      if (!NUMBER.test(text)) fail('a malformed number')
      at = NUMBER.lastIndex
      return
    }
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, at)) {
        at += word.length
        return
      }
    unexpected('a value')
  }
  const object = (depth: number): void => {
    at++
    skipSpace()
    if (text[at] === '}') {
      at++
      return
    }
    const keys = new Map<string, number>()
    for (;;) {
      skipSpace()
      if (text[at] !== '"') unexpected('a property name in double quotes')
      const keyAt = at
      const key = JSON.parse(string()) as string
      const first = keys.get(key)
      if (first !== undefined)
        fail(`the key ${JSON.stringify(key)} appears twice in this object`, keyAt, first)
      keys.set(key, keyAt)
      skipSpace()
      if (text[at] !== ':') unexpected('":" after the property name')
      at++
      value(depth + 1)
      skipSpace()
      if (text[at] === '}') {
        at++
        return
      }
      if (text[at] !== ',') unexpected('"," or "}" after the property value')
      at++
      skipSpace()
      if (text[at] === '}') fail('a comma before "}": JSON allows no trailing comma')
    }
  }
  const array = (depth: number): void => {
    at++
    skipSpace()
    if (text[at] === ']') {
      at++
      return
    }
    for (;;) {
      value(depth + 1)
      skipSpace()
      if (text[at] === ']') {
        at++
        return
      }
      if (text[at] !== ',') unexpected('"," or "]" after the item')
      at++
      skipSpace()
      if (text[at] === ']') fail('a comma before "]": JSON allows no trailing comma')
    }
  }
  try {
    value(0)
    skipSpace()
    if (at < text.length) fail('more text after the end of the JSON value')
    return undefined
  } catch (error) {
    if (error instanceof Stop) return error.found
    throw error
  }
}
