// OWASP's rule for CSV injection: a cell a spreadsheet would evaluate as a formula (starting with
// =, +, -, @, tab or carriage return) is prefixed with a single quote, so it is shown as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will show it, never evaluate it. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
