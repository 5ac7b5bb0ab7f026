/** `%term%` for LIKE against lower-cased text, with the user's % and _ taken literally. */
export function containsPattern(term: string) {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * Clients whose company, contact names or emails contain a `containsPattern()`:
 * through crm_client_ids_matching, so the trigram index serves it under RLS.
 */
export const CLIENT_MATCHES_SQL = 'clients.id in (select crm_client_ids_matching(?))'
