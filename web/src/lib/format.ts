// Small formatting helpers shared by the pages.
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return value.length > 10 && value[10] === 'T' ? value.slice(0, 10) : value;
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** Save text as a file the user downloads. */
export function download(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
