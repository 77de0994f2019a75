/**
 * RFC 4180 CSV, safe to open in a spreadsheet: a cell that starts like a formula (`=`, `+`, `-`,
 * `@`, a tab or a carriage return) is prefixed with `'`, so it shows as text and never runs.
 */
export const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const cell = (value: string) => {
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
};
