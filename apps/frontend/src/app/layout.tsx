import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { TimeZoneSync } from '@/components/layout/time-zone-sync';
import { IconSprite } from '@/components/ui/icons';
import './globals.css';
import './shell.css';

export const metadata: Metadata = {
  title: { default: 'Todo', template: '%s · Todo' },
  description: 'A calm, fast to-do list with priorities, tags, due dates and reminders.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#15161a' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, even those that read nothing of it (not-found): its scripts
  // need that response's CSP nonce, which a page prerendered at build time cannot have.
  await connection();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {children}
        <IconSprite />
        <TimeZoneSync />
      </body>
    </html>
  );
}
