/** Runs once when the server starts, before it takes requests (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnvironmentOrExit } = await import('./lib/startup-check');
    checkEnvironmentOrExit();
    const { stampPeerAddresses } = await import('./lib/peer-address');
    stampPeerAddresses();
    const { drainBeforeShutdown } = await import('./lib/graceful-shutdown');
    drainBeforeShutdown();
  }
}
