// A report as PDF (pdfkit), with an embedded font that has Latin, Cyrillic, Hangul and Han glyphs
// (Noto Sans CJK), so a name like 김영철 or Пригожин prints as itself. The font is the configured
// one, else the system's Noto Sans CJK (Debian: fonts-noto-cjk); without one the report says so.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Report, ReportSection } from './report.ts';

export interface ReportFont {
  path: string;
  /** The face inside a collection (.ttc). */
  name?: string;
}

const SYSTEM_FONTS: ReportFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKkr-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKkr-Regular' },
  { path: '/System/Library/Fonts/AppleSDGothicNeo.ttc', name: 'AppleSDGothicNeo-Regular' },
];

export function findReportFont(configured?: string | null): ReportFont | null {
  if (configured) {
    const [path, name] = configured.split('#');
    return existsSync(path) ? { path, name } : null;
  }
  return SYSTEM_FONTS.find((f) => existsSync(f.path)) ?? null;
}

export function renderPdf(report: Report, font: ReportFont | null): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: report.title, Subject: report.subtitle, Creator: 'Interdict' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font) doc.registerFont('body', font.path, font.name);
  const body = font ? 'body' : 'Helvetica';
  doc.font(body).fontSize(16).text(report.title);
  doc.fontSize(10).fillColor('#444').text(report.subtitle).text(`Generated ${report.generatedAt}`).fillColor('#000');
  if (!font) doc.moveDown(0.5).text('No font with Hangul and Han glyphs was found (install fonts-noto-cjk or set INTERDICT_REPORT_FONT): names in those scripts may not print.');
  for (const s of report.sections) section(doc, s);
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, s: ReportSection): void {
  doc.moveDown(1).fontSize(12).text(s.heading, { underline: true }).moveDown(0.3).fontSize(9.5);
  for (const [k, v] of s.facts ?? []) doc.text(`${k}: ${v}`);
  for (const p of s.paragraphs ?? []) doc.text(p).moveDown(0.3);
  if (s.table) {
    doc.text(s.table.columns.join(' | '));
    for (const row of s.table.rows) doc.text(row.join(' | '));
  }
}
