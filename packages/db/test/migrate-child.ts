import { migrate } from '@todo/db/migrate';

const url = process.argv[2];
if (!url) throw new Error('usage: migrate-child.ts <database-url>');
await migrate(url);
