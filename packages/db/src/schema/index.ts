export * from './auth.js';
export * from './tasks.js';
