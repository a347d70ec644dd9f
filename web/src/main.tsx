// The app shell: navigation, routing to pages; the graph and transfers pages load on demand.
import { StrictMode, Suspense, lazy, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { useRoute, href } from './router.ts';
import { Loading } from './components/common.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { EntityPage } from './pages/EntityPage.tsx';
import { ListsPage } from './pages/ListsPage.tsx';
import { ScreeningPage } from './pages/ScreeningPage.tsx';
import './styles.css';

const GraphPage = lazy(() => import('./pages/GraphPage.tsx'));
const TransfersPage = lazy(() => import('./pages/TransfersPage.tsx'));

const NAV = [
  { page: 'search', label: 'Search' },
  { page: 'screen', label: 'Screening' },
  { page: 'graph', label: 'Graph' },
  { page: 'lists', label: 'Lists' },
  { page: 'transfers', label: 'Arms transfers' },
];

function App() {
  const route = useRoute();
  const page = route.segments[0] ?? 'search';
  const main = useRef<HTMLElement>(null);

  // Name the current page in the document title (browser tabs, history, screen readers); focus
  // stays where it is: the skip link below moves it to the page content.
  useEffect(() => {
    const title = NAV.find((n) => n.page === page)?.label ?? (page === 'entity' ? 'Entity' : 'Interdict');
    document.title = `${title} · Interdict`;
  }, [page]);

  let content;
  switch (page) {
    case 'entity':
      content = <EntityPage id={route.segments[1] ?? ''} />;
      break;
    case 'screen':
      content = <ScreeningPage />;
      break;
    case 'graph':
      content = <GraphPage route={route} />;
      break;
    case 'lists':
      content = <ListsPage route={route} />;
      break;
    case 'transfers':
      content = <TransfersPage route={route} />;
      break;
    default:
      content = <SearchPage route={route} />;
  }

  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header className="top">
        <a className="brand" href={href('search')}>Interdict</a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.page}>
                <a href={href(n.page)} aria-current={page === n.page || (page === 'entity' && n.page === 'search') ? 'page' : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading what="page" />}>{content}</Suspense>
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
