import { describeImage } from './describe-image.js';

// apps/backend/Dockerfile: nobody:nogroup as the data model's runAsUser, port 8000, liveness /health.
describeImage('backend', {
  user: { uid: 65534, gid: 65534 },
  port: 8000,
  healthPath: '/health',
  writable: [],
});
