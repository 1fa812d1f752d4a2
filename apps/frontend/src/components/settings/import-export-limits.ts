/**
 * The largest file the settings page uploads. A server action's body is at most 1 MB (Next.js,
 * and proxyClientMaxBodySize in next.config.ts): the file's text and its encoding must fit. The
 * API itself takes 5 MB (TRANSFER_LIMITS).
 */
export const IMPORT_UI_MAX_BYTES = 900 * 1024;
