/** Page-controller helpers every module shares. */
export { flashingConflicts } from '#core/http/flashing_conflicts'
