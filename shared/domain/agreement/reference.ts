/** Human references are `CA-<year>-<sequence>`, sequential per year, e.g. CA-2026-0007. */
export const formatReference = (year: number, sequence: number): string =>
  `CA-${year}-${sequence.toString().padStart(4, '0')}`;
