// Next.js resolves `server-only` itself (a build error if a client component imports it).
declare module 'server-only';
