/** The small HTML pieces every summary uses; apart from summary.ts so that the entry loads only these. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** A failure before there was a result: input errors, or an error that stopped the run. */
export function renderFailureSummary(title: string, lines: string[]): string {
  return `<h3>${escapeHtml(title)}</h3>\n<ul>\n${lines.map(l => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ul>\n`
}
