// A report as a printable HTML page: every value escaped, one style sheet whose hash the page's CSP names.
import { createHash } from 'node:crypto';
import type { Report, ReportSection } from './report.ts';

const STYLE = [
  'body{font-family:"Noto Sans","Noto Sans CJK KR","Noto Sans CJK SC",system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#111;line-height:1.4}',
  'h1{font-size:1.4rem;margin-bottom:.2rem}h2{font-size:1.1rem;border-bottom:1px solid #999;margin-top:1.6rem}',
  '.sub{color:#444;margin-top:0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}',
  'table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}',
  '@media print{body{margin:0}}',
].join('');

/** The Content-Security-Policy the page needs: its one style sheet, nothing else. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function renderHtml(report: Report): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(report.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${esc(report.title)}</h1><p class="sub">${esc(report.subtitle)}<br>Generated ${esc(report.generatedAt)}</p>`,
    ...report.sections.map(section),
    '</body></html>',
  ].join('\n');
}

function section(s: ReportSection): string {
  const parts = [`<h2>${esc(s.heading)}</h2>`];
  if (s.facts?.length) parts.push(`<dl>${s.facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`);
  for (const p of s.paragraphs ?? []) parts.push(`<p>${esc(p)}</p>`);
  if (s.table) {
    const head = s.table.columns.map((c) => `<th>${esc(c)}</th>`).join('');
    const rows = s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
    parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
  }
  return parts.join('\n');
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
