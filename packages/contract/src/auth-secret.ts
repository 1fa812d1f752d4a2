/** BETTER_AUTH_SECRET signs sessions and backend tokens; both apps apply these same rules. */
export const AUTH_SECRET_MIN_LENGTH = 32;

/**
 * Returns the problem with a secret, or null when it is usable. The message names the variable
 * and never includes the value.
 */
export function authSecretProblem(secret: string | undefined, production: boolean): string | null {
  if (secret === undefined || secret === '') {
    return production
      ? 'BETTER_AUTH_SECRET is required when NODE_ENV=production (generate one: openssl rand -base64 32)'
      : null;
  }
  if (secret.length < AUTH_SECRET_MIN_LENGTH) {
    return `BETTER_AUTH_SECRET must be at least ${AUTH_SECRET_MIN_LENGTH} characters (it has ${secret.length})`;
  }
  return null;
}
