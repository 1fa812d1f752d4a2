import { getSession } from '@/lib/auth/session';
import { backendFor } from '@/lib/backend/client';
import { UNAVAILABLE_MESSAGE } from '@/lib/backend/result';

// The backend's headers a download needs; nothing else of its answer is passed on.
const PASSED_ON = ['content-type', 'content-disposition'] as const;

/**
 * The settings page's Export links: everything the signed-in user has, as the backend writes it
 * (JSON or CSV), streamed on to the browser as a download.
 */
export async function GET(request: Request): Promise<Response> {
  const session = await getSession().catch(() => null);
  if (!session) {
    return Response.json({ detail: 'Sign in to export your tasks.' }, { status: 401 });
  }
  const format = new URL(request.url).searchParams.get('format') === 'csv' ? 'csv' : 'json';
  const answer = await backendFor(session.user.id).exportAll(format);
  if (!answer?.ok || !answer.body) {
    return Response.json({ detail: UNAVAILABLE_MESSAGE }, { status: 503 });
  }
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of PASSED_ON) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.body, { status: 200, headers });
}
