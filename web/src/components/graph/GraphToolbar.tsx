// The explorer's controls: where to start, how far and how many, the layout, fitting and exports.
import { href, navigate } from '../../router.ts';
import { EntityPicker, type Picked } from '../EntityPicker.tsx';
import { LAYOUTS } from '../../graph/style.ts';

export interface ToolbarProps {
  start: Picked | null;
  hops: number;
  cap: number;
  layout: string;
  canExport: boolean;
  onHops(hops: number): void;
  onCap(cap: number): void;
  onLayout(name: string): void;
  onFit(): void;
  onExportPng(): void;
  onExportSvg(): void;
}

export function GraphToolbar(p: ToolbarProps) {
  return (
    <div className="graph-controls">
      <EntityPicker label="Start from" value={p.start} onPick={(picked) => navigate(href('graph', { id: picked.id }))} />
      <label>
        Hops
        <select value={p.hops} onChange={(e) => p.onHops(Number(e.target.value))}>
          {[1, 2, 3].map((h) => <option key={h} value={h}>{h}</option>)}
        </select>
      </label>
      <label>
        Max entities
        <select value={p.cap} onChange={(e) => p.onCap(Number(e.target.value))}>
          {[50, 150, 500, 1000, 2000].map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <label>
        Layout
        <select value={p.layout} onChange={(e) => p.onLayout(e.target.value)}>
          {LAYOUTS.map((l) => <option key={l.name} value={l.name}>{l.label}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => p.onLayout(p.layout)}>Re-layout</button>
      <button type="button" onClick={p.onFit}>Fit</button>
      <button type="button" onClick={p.onExportPng} disabled={!p.canExport}>Export PNG</button>
      <button type="button" onClick={p.onExportSvg} disabled={!p.canExport}>Export SVG</button>
    </div>
  );
}
