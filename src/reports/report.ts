// A report as plain data (issue 14): the HTML and PDF renderers draw the same sections, so what a
// printed page says and what the PDF says cannot differ.
export interface ReportSection {
  heading: string;
  /** Label and value pairs (a record, a hit, a profile). */
  facts?: [string, string][];
  paragraphs?: string[];
  table?: { columns: string[]; rows: string[][] };
}

export interface Report {
  title: string;
  subtitle: string;
  /** When it was made, and from which list versions: a regulator reads it later. */
  generatedAt: string;
  sections: ReportSection[];
}
