export * from './auth.js';
export * from './connections.js';
export * from './oauth.js';
export * from './projects.js';
export * from './reminders.js';
export * from './tasks.js';
