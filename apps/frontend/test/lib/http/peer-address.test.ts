import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, peerAddress, stampPeerAddresses } from '@/lib/http/peer-address';

/** Sends one request from `from` and gives back the headers the server's handler saw. */
async function headersSeen(from: string, headers: Record<string, string> = {}): Promise<Headers> {
  let seen = new Headers();
  const server = createServer((incoming, response) => {
    seen = new Headers(incoming.headers as Record<string, string>);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    request({ port, localAddress: from, headers }, (response) =>
      response.resume().on('end', resolve),
    )
      .on('error', reject)
      .end();
  });
  await new Promise((resolve) => server.close(resolve));
  return seen;
}

it('stamps the socket peer on every request; a header the client sent is no stamp', async () => {
  const forged = { [PEER_ADDRESS_HEADER]: 'guess 10.0.0.1' };
  expect(peerAddress(await headersSeen('127.0.0.5', forged))).toBeNull();
  stampPeerAddresses();
  expect(peerAddress(await headersSeen('127.0.0.5'))).toBe('127.0.0.5');
  expect(peerAddress(await headersSeen('127.0.0.6', forged))).toBe('127.0.0.6');
});
