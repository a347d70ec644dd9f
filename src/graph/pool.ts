// Interns repeated strings (datasets, source documents, dates) as small integers so a million
// edges cost a few typed arrays rather than a million objects.
export class StringPool {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  /** Index of the value, adding it on first sight; -1 for null/undefined/empty. */
  intern(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return -1;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  get(i: number): string | null {
    return i < 0 ? null : this.values[i];
  }
}
