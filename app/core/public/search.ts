/** The header's global search: modules register what they can find. */
export { registerSearchProvider, type SearchHit, type SearchProvider } from '#core/search/search_registry'
