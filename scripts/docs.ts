/**
 * Generates the README's inputs and outputs tables from action.yml, the one place where an input's name,
 * description and default live (the way actions/checkout generates its README). `--check` only compares,
 * and exits 1 when the README is stale (CI runs it).
 *
 * The README marks where the tables go with <!-- inputs:start --> ... <!-- inputs:end --> and the same
 * for outputs. A comment line above a group of inputs in action.yml ("# Where: ...") heads its table.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isMap, isScalar, parseDocument, type Pair } from 'yaml'

const root = (file: string): string => fileURLToPath(new URL(`../${file}`, import.meta.url))

interface Entry {
  name: string
  description: string
  default?: string
  required?: boolean
  group?: string
}

export function entries(actionYaml: string, section: 'inputs' | 'outputs'): Entry[] {
  const node = parseDocument(actionYaml).get(section, true)
  if (!isMap(node)) throw new Error(`action.yml has no ${section}`)
  return node.items.map((pair: Pair, index) => {
    const key = pair.key
    if (!isScalar(key) || !isMap(pair.value)) throw new Error(`action.yml: malformed entry in ${section}`)
    const value = pair.value.toJSON() as { description?: string; default?: string; required?: boolean }
    if (!value.description) throw new Error(`action.yml: ${section}.${String(key.value)} has no description`)
    return {
      name: String(key.value),
      description: value.description,
      default: value.default,
      required: value.required,
      // The first group's comment belongs to the map itself in YAML's tree.
      group: (key.commentBefore ?? (index === 0 ? node.commentBefore : undefined))?.trim()
    }
  })
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function inputsMarkdown(list: Entry[]): string {
  const blocks: string[] = []
  let rows: string[] = []
  const flush = (): void => {
    if (rows.length > 0)
      blocks.push(['| Input | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n'))
    rows = []
  }
  for (const entry of list) {
    if (entry.group) {
      flush()
      const [title, ...rest] = entry.group.split(':')
      blocks.push(`**${title.trim()}**${rest.length > 0 ? `: ${rest.join(':').trim()}` : ''}`)
    }
    const fallback = entry.required ? '_required_' : entry.default !== undefined ? `\`${entry.default}\`` : ''
    rows.push(`| \`${entry.name}\` | ${cell(fallback)} | ${cell(entry.description)} |`)
  }
  flush()
  return blocks.join('\n\n')
}

export function outputsMarkdown(list: Entry[]): string {
  return [
    '| Output | Value |',
    '| --- | --- |',
    ...list.map(entry => `| \`${entry.name}\` | ${cell(entry.description)} |`)
  ].join('\n')
}

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} ... ${end} markers`)
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`
}

export function generateReadme(readme: string, actionYaml: string): string {
  let text = replaceBetween(readme, 'inputs', inputsMarkdown(entries(actionYaml, 'inputs')))
  text = replaceBetween(text, 'outputs', outputsMarkdown(entries(actionYaml, 'outputs')))
  return text
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(root('README.md'), 'utf8')
  const { format } = await import('prettier')
  // Formatted as `npm run format` would, so the check and prettier agree.
  const generated = await format(generateReadme(readme, readFileSync(root('action.yml'), 'utf8')), {
    ...JSON.parse(readFileSync(root('.prettierrc.json'), 'utf8')),
    parser: 'markdown'
  })
  if (process.argv.includes('--check')) {
    if (generated !== readme) {
      console.error('README.md inputs/outputs tables are stale: run `npm run docs` and commit README.md.')
      process.exit(1)
    }
    console.log('README.md inputs and outputs match action.yml.')
  } else {
    writeFileSync(root('README.md'), generated)
    console.log('README.md inputs and outputs regenerated from action.yml.')
  }
}
