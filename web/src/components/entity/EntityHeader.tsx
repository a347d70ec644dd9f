// The entity's name, type, designation, ids, lists and the ways out (graph, FtM JSON).
import { entityJsonUrl, type EntityProfile } from '../../api/entities.ts';
import { href } from '../../router.ts';
import { CountryTags, SanctionedBadge, SchemaTag } from '../common.tsx';
import { formatDate } from '../../lib/format.ts';

export function EntityHeader({ entity: e }: { entity: EntityProfile }) {
  const referents = e.referents ?? [];
  return (
    <header className="entity-head">
      <h1 id="entity-title">{e.caption}</h1>
      <div className="entity-meta">
        <SchemaTag schema={e.schema} />
        {e.target && <SanctionedBadge />}
        <CountryTags codes={[...new Set([...(e.properties.country ?? []), ...(e.properties.nationality ?? [])])]} />
      </div>
      <dl className="facts">
        <dt>Id</dt>
        <dd><code>{e.id}</code></dd>
        {referents.length > 0 && (<><dt>List entries</dt><dd>{referents.join(', ')}</dd></>)}
        <dt>Lists</dt>
        <dd>{e.datasets?.join(', ') || '—'}</dd>
        <dt>Seen</dt>
        <dd>{formatDate(e.first_seen)} → {formatDate(e.last_seen)}</dd>
      </dl>
      <div className="actions">
        <a className="button" href={href('graph', { id: e.id })}>Open in graph explorer</a>
        <a className="button secondary" href={entityJsonUrl(e.id)} download={`${e.id}.json`}>Export FtM JSON</a>
      </div>
    </header>
  );
}
