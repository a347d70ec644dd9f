// Makes HTML and PDF versions of a text (one paragraph per line) for the document tests and the
// benchmark: HTML with navigation, a script and a style that must not reach the text; a PDF with
// a text layer drawn by pdf-lib (Helvetica covers the article's quotes and dashes).
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export const SEED = readFileSync(new URL('../fixtures/documents/seed-article.txt', import.meta.url), 'utf8');

export const paragraphsOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function htmlOf(text: string): string {
  const [title, ...rest] = paragraphsOf(text);
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(title)}</title>
<meta name="author" content="Test Author"><meta property="og:site_name" content="Test Publisher">
<meta property="article:published_time" content="2023-09-05T10:00:00Z">
<style>p { color: red }</style><script>document.write('Ri Jong Ho');</script>
<link rel="stylesheet" href="https://example.invalid/remote.css"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Kim Jong Un news</nav>
<article><h1>${escapeHtml(title)}</h1>
${rest.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<img src="https://example.invalid/tracker.gif"></article>
<footer>© Test Publisher. Subscribe</footer></body></html>`;
}

/** A PDF of the paragraphs, wrapped to the page width; a paragraph that does not fit starts a new page. */
export async function pdfOf(text: string, options: { title?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 11;
  const lineHeight = 14;
  const width = 500;
  if (options.title) pdf.setTitle(options.title);
  let page = pdf.addPage([595, 842]);
  let y = 800;
  for (const paragraph of paragraphsOf(text)) {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    if (y - lines.length * lineHeight < 40) {
      page = pdf.addPage([595, 842]);
      y = 800;
    }
    for (const l of lines) {
      page.drawText(l, { x: 48, y, size, font, color: rgb(0, 0, 0) });
      y -= lineHeight;
    }
    y -= lineHeight * 1.5;
  }
  return pdf.save();
}

/** A PDF whose pages hold only a drawing: what a scan without OCR looks like. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return pdf.save();
}
