import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { sseBaseUrl } from './config';
import { Devtools } from './Devtools';
import { AssistantDashboard } from './dashboards/assistant';
import { JobsDashboard } from './dashboards/jobs';
import { MarketsDashboard } from './dashboards/markets';
import { ROUTES, type RoutePath, useRoute } from './router';
import { type Theme, useTheme } from './theme';

const pages: Record<RoutePath, (baseUrl: string) => ReactNode> = {
  markets: (baseUrl) => <MarketsDashboard baseUrl={baseUrl} />,
  jobs: (baseUrl) => <JobsDashboard baseUrl={baseUrl} />,
  assistant: (baseUrl) => <AssistantDashboard baseUrl={baseUrl} />,
};

/**
 * The root component: query client, shell (navigation, theme), the routed dashboard, and the
 * streams panel of `@ssekit/devtools` (development builds; `?devtools` in production ones).
 */
export function App({ baseUrl = sseBaseUrl }: { baseUrl?: string }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <Shell baseUrl={baseUrl} />
    </QueryClientProvider>
  );
}

function Shell({ baseUrl }: { baseUrl: string }) {
  const route = useRoute();
  const [theme, setTheme] = useTheme();
  const title = ROUTES.find((r) => r.path === route)?.title;
  return (
    <div className="app">
      <button
        type="button"
        className="app-skip"
        // The location hash holds the route, so the skip link moves focus instead of navigating.
        onClick={() => document.getElementById('main')?.focus()}
      >
        Skip to content
      </button>
      <header className="app-header">
        <span className="app-brand">ssekit</span>
        <nav aria-label="Dashboards">
          <ul className="app-nav">
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={r.path === route ? 'page' : undefined}>
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <label className="app-theme">
          Theme
          <select value={theme} onChange={(e) => setTheme(e.currentTarget.value as Theme)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <h1 className="app-title">{title}</h1>
        {pages[route](baseUrl)}
      </main>
      <Devtools theme={theme} />
    </div>
  );
}
