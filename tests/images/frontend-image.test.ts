import { describeImage } from './describe-image.js';

// apps/frontend/Dockerfile: the node image's uid 1000 as the data model's runAsUser, port 3000,
// probes on /; the chart mounts an emptyDir on the Next.js cache, the one place it writes.
describeImage('frontend', {
  user: { uid: 1000, gid: 1000 },
  port: 3000,
  healthPath: '/',
  writable: ['apps/frontend/.next/cache'],
});
