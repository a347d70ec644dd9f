// A lean virtualised table: only the rows in view (plus a margin) are in the DOM, so tens of
// thousands of rows stay smooth. Rows have a fixed height; columns sort when their header is pressed.
import { useMemo, useRef, useState, type ReactNode, type UIEvent } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  /** Value used for sorting; omit to make the column unsortable. */
  sortValue?: (row: T) => string | number;
  render: (row: T) => ReactNode;
  className?: string;
}

interface Props<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  rowHeight?: number;
  height?: number;
  empty?: ReactNode;
}

const OVERSCAN = 8;

export function VirtualTable<T>({ rows, columns, rowKey, label, rowHeight = 36, height = 480, empty }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!col?.sortValue || !sort) return rows;
    const value = col.sortValue;
    return [...rows].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      return (typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))) * sort.dir;
    });
  }, [rows, columns, sort]);

  const viewHeight = Math.min(height, Math.max(sorted.length, 1) * rowHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(sorted.length, Math.ceil((scrollTop + viewHeight) / rowHeight) + OVERSCAN);
  const visible = sorted.slice(first, last);

  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);
  const toggleSort = (key: string) =>
    setSort((s) => (s?.key === key ? (s.dir === 1 ? { key, dir: -1 } : null) : { key, dir: 1 }));

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={sorted.length + 1}>
      <div className="vtable-head" role="rowgroup">
        <div className="vtable-row" role="row" aria-rowindex={1}>
          {columns.map((c) => {
            const dir = sort?.key === c.key ? sort.dir : 0;
            return (
              <div key={c.key} role="columnheader" className={`vtable-cell ${c.className ?? ''}`} aria-sort={dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none'}>
                {c.sortValue ? (
                  <button type="button" className="linkish" onClick={() => toggleSort(c.key)}>
                    {c.header} <span aria-hidden="true">{dir === 1 ? '▲' : dir === -1 ? '▼' : '↕'}</span>
                  </button>
                ) : (
                  c.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      {sorted.length === 0 ? (
        <div className="vtable-empty">{empty ?? 'Nothing to show.'}</div>
      ) : (
        <div className="vtable-body" role="rowgroup" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label={`${label}, scrollable`} style={{ height: viewHeight }}>
          <div className="vtable-spacer" style={{ height: sorted.length * rowHeight }}>
            {visible.map((row, i) => (
              <div
                className="vtable-row"
                role="row"
                key={rowKey(row)}
                aria-rowindex={first + i + 2}
                style={{ transform: `translateY(${(first + i) * rowHeight}px)`, height: rowHeight }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={`vtable-cell ${c.className ?? ''}`}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
