/** Password rules shared by the Better Auth config and the sign-up form. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Name rules shared by the sign-up form and the server's account checks (auth-config.ts). */
export const NAME_MAX_LENGTH = 100;
/** Better Auth's `image` is a URL; the app shows none, but a client may send one. */
export const IMAGE_MAX_LENGTH = 2048;

/** The largest request body /api/auth/* reads: its JSON bodies are a few hundred bytes. */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;
