export * from './access-token.js';
export * from './auth-secret.js';
export * from './etag.js';
export * from './problem.js';
export * from './task-schemas.js';
