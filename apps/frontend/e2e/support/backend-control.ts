/** The global setup's control endpoint (unset when FRONTEND_URL names a stack run elsewhere). */
export const control = process.env.E2E_CONTROL_URL;

/** Stops or starts the stack's backend process. */
export async function backend(action: 'stop' | 'start') {
  const response = await fetch(`${control}/backend/${action}`, { method: 'POST' });
  if (!response.ok)
    throw new Error(`backend ${action}: ${response.status} ${await response.text()}`);
}
