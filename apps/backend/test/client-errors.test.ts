import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let port = 0;

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => t.close());

/** Sends raw bytes, as no well-behaved client would, and returns the whole answer. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function problemOf(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { head, problem: JSON.parse(body) };
}

describe('requests the HTTP parser refuses', () => {
  it('answers a malformed request line with a 400 problem', async () => {
    const { head, problem } = problemOf(await raw('NOT A REQUEST\r\n\r\n'));
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400 });
  });

  it('answers headers over the limit with a 431 problem', async () => {
    const huge = `x-filler: ${'a'.repeat(20_000)}\r\n`.repeat(5);
    const { head, problem } = problemOf(
      await raw(`GET /health HTTP/1.1\r\nhost: x\r\n${huge}\r\n`),
    );
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(problem).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
  });
});
