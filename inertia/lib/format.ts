// Formatting happens only at the edge (here), from ISO strings and integer minor units.

const dateFormat: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
const dateTimeFormat: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, dateFormat).format(new Date(iso))
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, dateTimeFormat).format(new Date(iso))
}
