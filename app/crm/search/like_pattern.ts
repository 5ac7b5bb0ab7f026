/** `%term%` for LIKE against lower-cased text, with the user's % and _ taken literally. */
export function containsPattern(term: string) {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}
