/** Hands the browser a JSON file to save, as if it came from a link. */
export function downloadJson(filename: string, data: unknown, doc: Document = document): void {
  downloadText(filename, JSON.stringify(data, null, 2), 'application/json', doc);
}

/** Hands the browser a text file to save, as if it came from a link. */
export function downloadText(filename: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The click has started the download by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url));
}

/** A chosen file's text (FileReader rather than Blob.text(), which older engines and jsdom lack). */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}

export type CsvCell = string | number | null;

/**
 * Rows as CSV (RFC 4180: CRLF line ends, quotes doubled). A text cell a spreadsheet would read as
 * a formula (=, +, -, @ first) starts with a quote mark instead, so an alert text can never run one.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
