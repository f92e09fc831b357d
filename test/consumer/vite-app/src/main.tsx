import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App mock={new URLSearchParams(location.search).get('mock') ?? ''} />
    </StrictMode>,
  );
}
