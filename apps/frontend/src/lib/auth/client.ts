import { createAuthClient } from 'better-auth/react';

/** Browser side of Better Auth: same-origin /api/auth, so no address is baked into the bundle. */
export const authClient = createAuthClient();
