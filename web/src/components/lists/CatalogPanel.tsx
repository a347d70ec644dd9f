// The catalog of datasets: each list's live version, publication date, counts and freshness.
import type { CatalogDataset } from '../../api/catalog.ts';
import { href } from '../../router.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';

export function CatalogPanel({ datasets, selected }: { datasets: CatalogDataset[]; selected?: string }) {
  const stale = datasets.filter((d) => d.stale);
  return (
    <>
      {stale.length > 0 && (
        <div className="message warning" role="alert">
          <strong>{stale.length === 1 ? '1 list is' : `${stale.length} lists are`} out of date.</strong>{' '}
          Screening against a stale list is a compliance risk: {stale.map((d) => d.name).join(', ')}. Run <code>interdict sync</code>.
        </div>
      )}
      {datasets.filter((d) => d.retired).map((d) => (
        <div key={d.name} className="message info" role="note">
          <strong><code>{d.name}</code> is retired</strong> (since {formatDate(d.retired_on)}; superseded by <code>{d.superseded_by}</code>). {d.retirement_note}
        </div>
      ))}
      <div className="table-wrap">
        <table className="catalog">
          <caption className="visually-hidden">Datasets</caption>
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">Live version</th>
              <th scope="col" className="num">Entries</th>
              <th scope="col" className="num">Entities</th>
              <th scope="col" className="num">Versions</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.name} aria-current={d.name === selected ? 'true' : undefined} className={d.name === selected ? 'selected' : undefined}>
                <th scope="row">
                  <a href={href('lists', d.name)}>{d.title || d.name}</a>
                  <div className="muted small"><code>{d.name}</code></div>
                </th>
                <td>{d.publisher || '—'}</td>
                <td>{formatDate(d.published_at)}</td>
                <td><code>{d.version ?? '—'}</code></td>
                <td className="num">{d.version ? formatNumber(d.target_count) : '—'}</td>
                <td className="num">{d.version ? formatNumber(d.entity_count) : '—'}</td>
                <td className="num">{formatNumber(d.versions)}</td>
                <td>
                  {d.retired ? (
                    <span className="badge retired" title={d.retirement_note}>
                      Retired {formatDate(d.retired_on)} · superseded by <a href={href('lists', d.superseded_by ?? '')}><code>{d.superseded_by}</code></a>
                    </span>
                  ) : d.stale ? (
                    <span className="badge stale" title="Older than the freshness limit">Stale{d.age_days !== null ? ` · ${formatNumber(d.age_days)} days old` : ''}</span>
                  ) : (
                    <span className="badge fresh">Current</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
