/** CSV cells every module's exports share: exact money, hours, formula-safe text. */
export { decimalHours, minorToMajor, textCell } from '#core/export/spreadsheet_cells'
