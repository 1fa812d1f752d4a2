import { getSession } from '@/lib/auth/session';
import { backendFor } from '@/lib/backend/client';
import { drainController } from '@/lib/http/drain-signal';
import { statusProblem } from '@/lib/http/problem-response';
import { isSameOriginRead, resumeFrom } from '@/lib/live/stream-request';

const problem = statusProblem;

/**
 * The signed-in user's live changes for components/live/live-updates.tsx: the backend's event
 * stream, passed through as it comes. When the browser goes, or this server starts draining,
 * the upstream is aborted and the stream ends.
 */
export async function GET(request: Request): Promise<Response> {
  if (!isSameOriginRead(request.headers)) return problem(403, 'Cross-site requests are refused.');
  const session = await getSession().catch(() => null);
  if (!session) return problem(401, 'Sign in to see live updates.');
  // Draining: the page reopens its stream, on another pod, resuming from its last event.
  const drain = drainController().signal;
  if (drain.aborted) return problem(503, 'This server is shutting down.');
  const upstream = await backendFor(session.user.id).openEvents(
    resumeFrom(request),
    AbortSignal.any([request.signal, drain]),
  );
  if (!upstream?.ok || !upstream.body) {
    await upstream?.body?.cancel();
    return upstream?.status === 429
      ? problem(429, 'Too many open tabs are following your tasks.')
      : problem(503, 'Live updates are unavailable right now.');
  }
  return new Response(upstream.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: the server's compression would otherwise hold events back in its buffer.
      'cache-control': 'no-cache, no-transform',
      // nginx (an Ingress) passes each event on at once instead of buffering the response.
      'x-accel-buffering': 'no',
    },
  });
}
