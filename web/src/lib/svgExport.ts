// SVG export of the graph as drawn: cytoscape renders to canvas only, so we write the SVG ourselves
// from the node positions, colours and labels it reports.
import type { Core } from 'cytoscape';

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function graphToSvg(cy: Core): string {
  const nodes = cy.nodes(':visible');
  const edges = cy.edges(':visible');
  const box = nodes.boundingBox({ includeLabels: true });
  const pad = 20;
  const x0 = box.x1 - pad;
  const y0 = box.y1 - pad;
  const w = Math.max(box.w + 2 * pad, 1);
  const h = Math.max(box.h + 2 * pad, 1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${w} ${h}" width="${Math.round(w)}" height="${Math.round(h)}" font-family="sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker></defs>',
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#ffffff"/>`,
  ];
  edges.forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    // Stop the line at the target's edge so the arrow head shows.
    const r = e.target().width() / 2;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const tx = t.x - (dx / len) * r;
    const ty = t.y - (dy / len) * r;
    const color = e.style('line-color') as string;
    const width = parseFloat(e.style('width') as string) || 1;
    const dash = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : e.style('line-style') === 'dotted' ? ' stroke-dasharray="2 3"' : '';
    out.push(`<line x1="${s.x.toFixed(1)}" y1="${s.y.toFixed(1)}" x2="${tx.toFixed(1)}" y2="${ty.toFixed(1)}" stroke="${xml(color)}" stroke-width="${width}"${dash} marker-end="url(#arrow)"><title>${xml(String(e.data('label') ?? ''))}</title></line>`);
    const label = String(e.data('label') ?? '');
    if (label) out.push(`<text x="${((s.x + t.x) / 2).toFixed(1)}" y="${((s.y + t.y) / 2).toFixed(1)}" font-size="8" fill="#555" text-anchor="middle">${xml(label)}</text>`);
  });
  nodes.forEach((n) => {
    const p = n.position();
    const r = n.width() / 2;
    const fill = n.style('background-color') as string;
    const stroke = n.style('border-color') as string;
    const strokeWidth = parseFloat(n.style('border-width') as string) || 0;
    const shape = n.style('shape');
    const caption = String(n.data('label') ?? n.id());
    if (shape === 'round-rectangle' || shape === 'rectangle') {
      out.push(`<rect x="${(p.x - r).toFixed(1)}" y="${(p.y - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" rx="4" fill="${xml(fill)}" stroke="${xml(stroke)}" stroke-width="${strokeWidth}"/>`);
    } else {
      out.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}" fill="${xml(fill)}" stroke="${xml(stroke)}" stroke-width="${strokeWidth}"/>`);
    }
    out.push(`<text x="${p.x.toFixed(1)}" y="${(p.y + r + 11).toFixed(1)}" font-size="10" text-anchor="middle" fill="#222">${xml(caption)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
