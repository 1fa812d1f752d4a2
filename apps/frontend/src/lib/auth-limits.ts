/** Password rules shared by the Better Auth config and the sign-up form. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
