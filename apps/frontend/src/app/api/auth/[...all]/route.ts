import { toNextJsHandler } from 'better-auth/next-js';
import { handleAuthRequest } from '@/lib/auth/request';

export const { GET, POST } = toNextJsHandler(handleAuthRequest);
