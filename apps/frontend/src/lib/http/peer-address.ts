import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

// Next.js gives a route handler no socket, and fills X-Forwarded-For with the peer address only
// when the client sent none (next/dist/server/base-server.js), so the handler cannot tell the
// two apart. Node's HTTP server publishes every request, with its socket, on a diagnostics
// channel before Next sees it: the peer address is stamped into a header there.
export const PEER_ADDRESS_HEADER = 'x-todo-peer-address';

// The stamp carries a per-process token, so a client cannot forge one on a request the server
// received before instrumentation.ts subscribed. Instrumentation and route handlers are separate
// bundles with their own copies of this module: the token lives on globalThis.
const TOKEN = Symbol.for('todo.peer-address-token');

function processToken(): string {
  const store = globalThis as { [TOKEN]?: string };
  store[TOKEN] ??= randomBytes(16).toString('hex');
  return store[TOKEN];
}

/** From now on, every request this process receives carries its peer address (instrumentation.ts). */
export function stampPeerAddresses(): void {
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = `${processToken()} ${socket.remoteAddress ?? ''}`;
  });
}

/** The peer address this process stamped on the request, or null where it did not. */
export function peerAddress(headers: Headers): string | null {
  const [token, address] = (headers.get(PEER_ADDRESS_HEADER) ?? '').split(' ');
  return token === processToken() && address ? address : null;
}
