// Entity profile: a composition of panels, each reading the entity (and its links) as the server sends them.
import { useState } from 'react';
import { api } from '../api.ts';
import { useApi } from '../lib/useApi.ts';
import { useEntity } from '../hooks/useEntity.ts';
import { useMe } from '../hooks/useMe.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { EntityHeader } from '../components/entity/EntityHeader.tsx';
import { PropertiesPanel } from '../components/entity/PropertiesPanel.tsx';
import { SanctionsPanel } from '../components/entity/SanctionsPanel.tsx';
import { RelationshipsPanel } from '../components/entity/RelationshipsPanel.tsx';
import { TimelinePanel } from '../components/entity/TimelinePanel.tsx';
import { MembersPanel } from '../components/resolve/MembersPanel.tsx';
import { EntityDocumentsPanel } from '../components/documents/EntityDocumentsPanel.tsx';
import { ClaimPanel } from '../components/entity/ClaimPanel.tsx';

export function EntityPage({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const entity = useEntity(id, version);
  const { can } = useMe();
  const adjacent = useApi((signal) => api.adjacent(id, { limit: 200 }, signal), [id]);

  if (entity.loading && !entity.data) return <Loading what="entity" />;
  if (entity.error || !entity.data) return <div className="page"><ErrorMessage error={entity.error} what={`entity ${id}`} /></div>;
  const e = entity.data;
  return (
    <article className="page entity-page" aria-labelledby="entity-title">
      <EntityHeader entity={e} />
      <MembersPanel id={e.id} />
      <PropertiesPanel entity={e} />
      {can('analyst') && <ClaimPanel entity={e} onSaved={() => setVersion((v) => v + 1)} />}
      <SanctionsPanel entity={e} />
      <RelationshipsPanel entity={e} adjacent={adjacent.data} loading={adjacent.loading} error={adjacent.error} />
      <TimelinePanel entity={e} edges={adjacent.data?.edges ?? []} nodes={adjacent.data?.nodes ?? []} />
      <EntityDocumentsPanel entityId={e.id} />
    </article>
  );
}
