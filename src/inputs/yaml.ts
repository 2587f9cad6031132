/** YAML for structured inputs (JSON is YAML), in a chunk of its own: main.ts imports it only when needed. */
import { parse } from 'yaml'

/** Parses YAML 1.2; a syntax error's message names the line and column. */
export function parseYaml(text: string): unknown {
  return parse(text, { prettyErrors: true, uniqueKeys: true })
}
