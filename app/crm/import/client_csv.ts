/*
| CSV import of clients and contacts, the pure part: parse the file, check
| every row, group rows into clients. Nothing here touches the database; the
| query (preview) and the action (import) feed it what already exists.
*/
import { parse, type CsvError } from 'csv-parse/sync'
import vine, { errors, SimpleMessagesProvider } from '@vinejs/vine'
import { fieldError } from '#core/public/errors'
import type { NewContact } from '#crm/actions/create_client'

export const IMPORT_COLUMNS = [
  'company',
  'industry',
  'website',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_job_title',
  'tags',
] as const

export const IMPORT_MAX_ROWS = 5000

export interface ImportRow {
  line: number
  company: string
  industry: string | null
  website: string | null
  contact: NewContact | null
  tags: string[]
}

export interface RejectedRow {
  /** Line of the file, the header being line 1. */
  line: number
  company: string | null
  reason: string
}

export interface PlannedClient {
  companyName: string
  industry: string | null
  website: string | null
  /** The first one becomes the primary contact. */
  contacts: NewContact[]
  tags: string[]
  lines: number[]
}

export interface ImportPlan {
  clients: PlannedClient[]
  contacts: number
  /** Tags the import creates (the agency has none by these names yet). */
  newTags: string[]
  rejected: RejectedRow[]
  rows: number
}

interface RawRecord {
  line: number
  values: Record<string, string | undefined>
}

const MALFORMED: Partial<Record<CsvError['code'], string>> = {
  CSV_RECORD_INCONSISTENT_COLUMNS: 'Malformed CSV line: more fields than the header has columns',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'Malformed CSV line: more fields than the header has columns',
  CSV_INVALID_CLOSING_QUOTE: 'Malformed CSV line: a quote inside a field is not doubled ("")',
}

/** Reads the file; a line csv-parse cannot read is rejected on its own, the rest goes on. */
export function parseClientCsv(input: Buffer | string): { records: RawRecord[]; rejected: RejectedRow[] } {
  const rejected = new Map<number, RejectedRow>()
  let header: string[] = []
  let lastLine = 1
  let rows: { record: Record<string, string | undefined>; info: { lines: number } }[]
  try {
    // No `trim` option: with it, csv-parse loses its footing after a bad quote and drops the following rows.
    rows = parse(input, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count_less: true,
      skip_records_with_error: true,
      max_record_size: 64 * 1024,
      columns: (names: string[]) => (header = names.map((name) => name.trim().toLowerCase())),
      on_record: (record, context) => {
        lastLine = Number(context.lines)
        return record
      },
      on_skip: (error) => {
        if (!error) return undefined
        const line = Number(error.lines)
        const reason =
          error.code === 'CSV_QUOTE_NOT_CLOSED'
            ? `Malformed CSV: a quote opened after line ${lastLine} is never closed, so the rest of the file could not be read`
            : (MALFORMED[error.code] ?? `Malformed CSV line: ${error.message}`)
        if (!rejected.has(line)) rejected.set(line, { line, company: null, reason })
        lastLine = line
        return undefined
      },
    })
  } catch (error) {
    return fieldError('file', `The file is not a CSV we can read: ${(error as Error).message}`, 'csv')
  }
  if (!header.includes('company')) {
    fieldError('file', `The first line must name the columns, with at least “company” (${IMPORT_COLUMNS.join(', ')})`, 'csv')
  }
  if (rows.length + rejected.size > IMPORT_MAX_ROWS) {
    fieldError('file', `The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows: split it into several files`, 'csv')
  }
  return {
    records: rows.map(({ record, info }) => ({ line: Number(info.lines), values: record })),
    rejected: [...rejected.values()],
  }
}

const rowValidator = vine.compile(
  vine.object({
    company: vine.string().maxLength(160),
    industry: vine.string().maxLength(80).optional(),
    website: vine.string().maxLength(255).url({ protocols: ['http', 'https'], require_protocol: false }).optional(),
    contact_name: vine.string().maxLength(120).optional().requiredIfAnyExists(['contact_email', 'contact_phone', 'contact_job_title']),
    contact_email: vine.string().maxLength(254).email().optional(),
    contact_phone: vine.string().maxLength(40).optional(),
    contact_job_title: vine.string().maxLength(120).optional(),
    tags: vine.array(vine.string().maxLength(40)).optional(),
  })
)

const messages = new SimpleMessagesProvider(
  {
    'company.required': 'Missing company',
    'contact_name.required': 'Missing contact name (the row has other contact details)',
    'maxLength': '{{ field }} is longer than {{ max }} characters',
    'email': 'Invalid email address',
    'url': 'Invalid website address',
  },
  {
    company: 'Company',
    industry: 'Industry',
    website: 'Website',
    contact_name: 'Contact name',
    contact_email: 'Contact email',
    contact_phone: 'Contact phone',
    contact_job_title: 'Contact job title',
    'tags.*': 'A tag',
  }
)

/** Checks one row with the same limits as the forms; empty cells count as absent. */
export async function validateRecord(record: RawRecord): Promise<ImportRow | RejectedRow> {
  const present = Object.fromEntries(
    IMPORT_COLUMNS.map((column) => [column, record.values[column]?.trim()]).filter(([, value]) => value)
  ) as Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>
  const tags = present.tags ? splitTags(present.tags) : undefined
  const company = present.company ?? null
  try {
    const row = await rowValidator.validate({ ...present, tags }, { messagesProvider: messages })
    return {
      line: record.line,
      company: row.company,
      industry: row.industry ?? null,
      website: row.website ?? null,
      contact: row.contact_name
        ? {
            name: row.contact_name,
            email: row.contact_email?.toLowerCase() ?? null,
            phone: row.contact_phone ?? null,
            jobTitle: row.contact_job_title ?? null,
          }
        : null,
      tags: row.tags ?? [],
    }
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    const reasons = [...new Set((error.messages as { message: string }[]).map((entry) => entry.message))]
    return { line: record.line, company, reason: reasons.join('; ') }
  }
}

/** `a; b;;A` → `['a', 'b']`: trimmed, empties dropped, the first spelling kept. */
export function splitTags(cell: string) {
  const seen = new Map<string, string>()
  for (const tag of cell.split(';').map((part) => part.trim())) {
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag)
  }
  return [...seen.values()]
}

export function isRejected(row: ImportRow | RejectedRow): row is RejectedRow {
  return 'reason' in row
}

/**
 * Rows of the same company (case-insensitive) form one client with several
 * contacts; the first row gives its details. A company the agency already has
 * is rejected row by row.
 */
export function planImport(
  rows: (ImportRow | RejectedRow)[],
  existing: { companies: Set<string>; tags: Set<string> }
): ImportPlan {
  const rejected = rows.filter(isRejected)
  const clients = new Map<string, PlannedClient>()
  for (const row of rows) {
    if (isRejected(row)) continue
    const key = row.company.toLowerCase()
    if (existing.companies.has(key)) {
      rejected.push({ line: row.line, company: row.company, reason: `“${row.company}” already exists in your agency` })
      continue
    }
    const client = clients.get(key) ?? {
      companyName: row.company,
      industry: row.industry,
      website: row.website,
      contacts: [],
      tags: [],
      lines: [],
    }
    if (row.contact) client.contacts.push(row.contact)
    client.tags = splitTags([...client.tags, ...row.tags].join(';'))
    client.lines.push(row.line)
    clients.set(key, client)
  }
  const planned = [...clients.values()]
  const newTags = new Map<string, string>()
  for (const tag of planned.flatMap((client) => client.tags)) {
    if (!existing.tags.has(tag.toLowerCase()) && !newTags.has(tag.toLowerCase())) newTags.set(tag.toLowerCase(), tag)
  }
  return {
    clients: planned,
    contacts: planned.reduce((sum, client) => sum + client.contacts.length, 0),
    newTags: [...newTags.values()],
    rejected: rejected.sort((a, b) => a.line - b.line),
    rows: rows.length,
  }
}
