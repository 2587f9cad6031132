/** HTTP status expectations such as "200-299,304". */
export interface StatusRange {
  from: number
  to: number
}

export function parseStatusRanges(text: string): StatusRange[] | undefined {
  const ranges: StatusRange[] = []
  for (const part of text.split(',').map(p => p.trim())) {
    const match = /^(\d{3})(?:-(\d{3}))?$/.exec(part)
    if (!match) return undefined
    const from = Number(match[1])
    const to = Number(match[2] ?? match[1])
    if (from < 100 || to > 599 || from > to) return undefined
    ranges.push({ from, to })
  }
  return ranges
}

export function statusMatches(status: number, ranges: StatusRange[]): boolean {
  return ranges.some(r => status >= r.from && status <= r.to)
}

export function formatStatusRanges(ranges: StatusRange[]): string {
  return ranges.map(r => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',')
}
