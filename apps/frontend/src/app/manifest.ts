import type { MetadataRoute } from 'next';

/** The web app manifest (/manifest.webmanifest): what makes the app installable. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Todo',
    short_name: 'Todo',
    description: 'A calm, fast to-do list with reminders that reach you when the app is closed.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f7f7f9',
    theme_color: '#4f46e5',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      {
        src: '/icons/icon-maskable-512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  };
}
