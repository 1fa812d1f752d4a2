export * from './auth.js';
export * from './projects.js';
export * from './tasks.js';
