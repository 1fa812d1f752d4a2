import { oauthProviderClient } from '@better-auth/oauth-provider/client';
import { createAuthClient } from 'better-auth/react';

/**
 * Browser side of Better Auth: same-origin /api/auth, so no address is baked into the bundle.
 * The OAuth provider's client plugin sends the signed authorization request of the page it is on
 * (sign-in, consent) with each POST, so signing in on the way to a consent resumes the request.
 */
export const authClient = createAuthClient({ plugins: [oauthProviderClient()] });
