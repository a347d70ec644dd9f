// The app shell: navigation, routing to pages; the graph and transfers pages load on demand.
import { StrictMode, Suspense, lazy, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useRoute, href } from './router.ts';
import { ErrorMessage, Loading } from './components/common.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { EntityPage } from './pages/EntityPage.tsx';
import { ListsPage } from './pages/ListsPage.tsx';
import { ScreeningPage } from './pages/ScreeningPage.tsx';
import { DocumentsPage } from './pages/DocumentsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { WelcomePage } from './pages/WelcomePage.tsx';
import { AccountMenu } from './components/access/AccountMenu.tsx';
import { useMe } from './hooks/useMe.ts';
import type { Role } from './api/access.ts';
import './styles.css';

const GraphPage = lazy(() => import('./pages/GraphPage.tsx'));
const TransfersPage = lazy(() => import('./pages/TransfersPage.tsx'));
const ResolvePage = lazy(() => import('./pages/ResolvePage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const KeysPage = lazy(() => import('./pages/KeysPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const PortfoliosPage = lazy(() => import('./pages/PortfoliosPage.tsx'));
const AlertsPage = lazy(() => import('./pages/AlertsPage.tsx'));
const WorkspacesPage = lazy(() => import('./pages/WorkspacesPage.tsx'));
const JobsPage = lazy(() => import('./pages/JobsPage.tsx'));

/** The pages; `role`: shown only to that role or a higher one. */
const NAV: { page: string; label: string; role?: Role }[] = [
  { page: 'search', label: 'Search' },
  { page: 'screen', label: 'Screening' },
  { page: 'graph', label: 'Graph' },
  { page: 'lists', label: 'Lists' },
  { page: 'resolve', label: 'Resolve' },
  { page: 'transfers', label: 'Arms transfers' },
  { page: 'documents', label: 'Documents' },
  { page: 'portfolios', label: 'Portfolios' },
  { page: 'alerts', label: 'Alerts' },
  { page: 'jobs', label: 'Jobs', role: 'viewer' },
  { page: 'workspaces', label: 'Workspaces', role: 'viewer' },
  { page: 'users', label: 'Users', role: 'admin' },
  { page: 'keys', label: 'API keys', role: 'admin' },
  { page: 'audit', label: 'Audit', role: 'admin' },
];

/** Pages anyone may open, signed in or not. */
const OPEN_PAGES = new Set(['sign-in', 'welcome']);

interface Startup {
  stage: string;
  progress?: { percent: number; done?: number; total?: number };
}

/** While the server is still starting (first import of the bundled lists, index builds), says so and how far it is. */
function StartupNotice() {
  const [startup, setStartup] = useState<Startup | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const r = await fetch('/readyz', { headers: { accept: 'application/json' } });
        if (stopped) return;
        if (r.ok) return setStartup(null);
        const body = (await r.json()) as Startup;
        setStartup({ stage: String(body.stage ?? 'starting'), progress: body.progress });
      } catch {
        if (!stopped) setStartup({ stage: 'waiting for the server' });
      }
      if (!stopped) timer = setTimeout(poll, 1500);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  if (!startup) return null;
  const percent = startup.progress?.percent;
  return (
    <div className="message warning startup" role="status" aria-live="polite">
      <strong>Data is loading</strong>: {startup.stage}
      {percent !== undefined && (
        <>
          {' '}— {percent}% <progress max={100} value={percent} aria-label="Start-up progress" />
        </>
      )}
      . Search and screening answer once it is done.
    </div>
  );
}

function App() {
  const route = useRoute();
  const page = route.segments[0] ?? 'search';
  const main = useRef<HTMLElement>(null);
  const who = useMe();
  const nav = NAV.filter((n) => !n.role || who.can(n.role));

  // Name the current page in the document title (browser tabs, history, screen readers); focus
  // stays where it is: the skip link below moves it to the page content.
  useEffect(() => {
    const title = NAV.find((n) => n.page === page)?.label ?? ({ entity: 'Entity', 'sign-in': 'Sign in', welcome: 'Welcome' } as Record<string, string>)[page] ?? 'Interdict';
    document.title = `${title} · Interdict`;
  }, [page]);

  let content;
  const needed = NAV.find((n) => n.page === page)?.role;
  if (OPEN_PAGES.has(page)) content = page === 'welcome' ? <WelcomePage route={route} /> : <SignInPage route={route} />;
  // Who is signed in decides what a page shows: ask first (and send no read that would only answer 401).
  else if (!who.me) content = who.error ? <div className="page"><ErrorMessage error={who.error} what="who is signed in" /></div> : <Loading what="your session" />;
  // Nobody signed in and reading is closed: sign in first, then come back here.
  else if (!who.me.principal && !who.me.anonymous_read) content = <SignInPage route={{ segments: ['sign-in'], params: new URLSearchParams({ next: window.location.hash }) }} />;
  else if (needed && !who.can(needed)) content = <div className="page"><p className="message warning" role="alert">This page is for the {needed} role.</p></div>;
  else switch (page) {
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
    case 'resolve':
      content = <ResolvePage route={route} />;
      break;
    case 'transfers':
      content = <TransfersPage route={route} />;
      break;
    case 'documents':
      content = <DocumentsPage route={route} />;
      break;
    case 'users':
      content = <UsersPage />;
      break;
    case 'keys':
      content = <KeysPage />;
      break;
    case 'audit':
      content = <AuditPage />;
      break;
    case 'portfolios':
      content = <PortfoliosPage />;
      break;
    case 'alerts':
      content = <AlertsPage route={route} />;
      break;
    case 'workspaces':
      content = <WorkspacesPage />;
      break;
    case 'jobs':
      content = <JobsPage />;
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
            {nav.map((n) => (
              <li key={n.page}>
                <a href={href(n.page)} aria-current={page === n.page || (page === 'entity' && n.page === 'search') ? 'page' : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <AccountMenu />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <StartupNotice />
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
