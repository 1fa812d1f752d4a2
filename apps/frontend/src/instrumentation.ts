/** Runs once when the server starts, before it takes requests (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkCacheWritableOrExit, checkEnvironmentOrExit } = await import(
      './lib/env/startup-check'
    );
    checkEnvironmentOrExit();
    checkCacheWritableOrExit();
    const { stampPeerAddresses } = await import('./lib/http/peer-address');
    stampPeerAddresses();
    const { drainBeforeShutdown } = await import('./lib/http/graceful-shutdown');
    drainBeforeShutdown();
  }
}
