// Lists: the catalog of datasets, each one's versions, and the diff between two versions.
import type { Route } from '../router.ts';
import { useCatalog } from '../hooks/useCatalog.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { CatalogPanel } from '../components/lists/CatalogPanel.tsx';
import { VersionsPanel } from '../components/lists/VersionsPanel.tsx';

export function ListsPage({ route }: { route: Route }) {
  const dataset = route.segments[1];
  const catalog = useCatalog();
  return (
    <div className="page lists-page">
      <h1>Lists</h1>
      <ErrorMessage error={catalog.error} what="the catalog" />
      {catalog.loading && <Loading what="catalog" />}
      {catalog.data && <CatalogPanel datasets={catalog.data} selected={dataset} />}
      {dataset && <VersionsPanel key={dataset} dataset={dataset} from={route.params.get('from')} to={route.params.get('to')} />}
    </div>
  );
}
