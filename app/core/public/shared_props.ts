/**
 * Props every Inertia page receives that belong to a higher module (e.g.
 * Time's running timer for the header widget). Core never imports those
 * modules: each registers its resolver at boot from its `register.ts`.
 */
export { registerSharedProp, type SharedPropResolver } from '#core/http/shared_page_props'
