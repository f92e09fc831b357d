import '@ssekit/ui/styles.css';
import { SSEDevtools } from '@ssekit/devtools';
import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <link rel="icon" href="data:," />
      </head>
      <body>
        {children}
        <SSEDevtools />
      </body>
    </html>
  );
}
