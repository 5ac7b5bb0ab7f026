/** Seconds as decimal hours for tables (5400 → "1.5 h"), exact to a tenth. */
export function hours(seconds: number): string {
  return `${(Math.round(seconds / 360) / 10).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`
}

/** A whole percent, or a dash when undefined (no revenue, no budget, no capacity). */
export function percent(value: number | null): string {
  return value === null ? '—' : `${value} %`
}

/** Download links keep the page's range (and threshold for utilization); `kind` is the path under /reports (e.g. `pipeline`, `projects/:id/members`). */
export function exportHref(kind: string, extension: 'csv' | 'pdf', query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value))
  return `/reports/${kind}.${extension}?${params}`
}
