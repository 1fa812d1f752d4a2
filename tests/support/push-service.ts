import { execFileSync } from 'node:child_process';
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrivals } from './arrivals.js';

/**
 * A Web Push service for tests, written from the RFCs rather than from web-push's code: it checks
 * the VAPID JWT (RFC 8292), decrypts the aes128gcm payload (RFC 8188, RFC 8291) with the keys of
 * the subscriptions it handed out, and records what arrived. It serves HTTPS (web-push sends
 * nothing else) with a throwaway self-signed certificate: in-process senders trust `ca`, a child
 * process trusts it with NODE_EXTRA_CA_CERTS=`caFile`.
 */
export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  endpoint: string;
  /** The decrypted payload as text (JSON for the app's messages). */
  body: string;
  topic: string | undefined;
  ttl: number | undefined;
  urgency: string | undefined;
  /** The status it was (or, while held, will be) answered with. */
  status: number;
}

export interface RefusedPush {
  endpoint: string;
  status: number;
  reason: string;
}

export interface PushService {
  origin: string;
  /** The certificate to trust (PEM), and a file holding it for NODE_EXTRA_CA_CERTS. */
  ca: string;
  caFile: string;
  /** A new subscription, as PushSubscription.toJSON() gives it. */
  subscription(): PushSubscriptionJson;
  /** Answer pushes to this endpoint (every endpoint when omitted) with `status` from now on. */
  answer(status: number, endpoint?: string): void;
  /** Pushes accepted and decrypted, in arrival order. */
  received: ReceivedPush[];
  /** Pushes refused for a bad VAPID token or an undecryptable body. */
  refused: RefusedPush[];
  /** Received pushes parsed as JSON. */
  messages<T = unknown>(): (ReceivedPush & { payload: T })[];
  /** Resolves once `count` pushes have been received (fails after `timeoutMs`). */
  waitForPushes(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  /**
   * Holds every push arriving from now on without answering it until `release()`: `arrived`
   * resolves when the first one is in (recorded in `received`), so a test can kill its sender.
   */
  hold(): { arrived: Promise<ReceivedPush>; release(): void };
  close(): Promise<void>;
}

interface Keys {
  ecdh: ReturnType<typeof createECDH>;
  publicKey: Buffer;
  auth: Buffer;
}

function selfSignedCertificate(): { key: string; cert: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'push-service-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    dir,
  };
}

/** Why the VAPID Authorization header does not hold for this audience, or null (RFC 8292). */
export function vapidProblem(authorization: string | undefined, audience: string): string | null {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) return 'no "vapid t=…, k=…" Authorization header';
  const [, token = '', key = ''] = match;
  const [header, claims, signature] = token.split('.');
  if (!header || !claims || !signature) return 'the token is not a JWT';
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'k is not an uncompressed P-256 key';
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return 'the signature does not verify with k';
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string };
  if (alg !== 'ES256') return `alg is ${alg}, not ES256`;
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (body.aud !== audience) return `aud is ${body.aud}, not ${audience}`;
  const now = Date.now() / 1000;
  if (typeof body.exp !== 'number' || body.exp <= now) return 'the token has expired';
  if (body.exp > now + 24 * 3600) return 'exp is more than 24 hours ahead';
  if (!body.sub?.startsWith('mailto:') && !body.sub?.startsWith('https:'))
    return 'sub is not a mailto: or https: contact';
  return null;
}

/** Decrypts an aes128gcm Web Push body for the subscription's keys (RFC 8291 §3.4, RFC 8188 §2). */
export function decryptPush(body: Buffer, keys: Keys): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body[20] ?? 0;
  const senderKey = body.subarray(21, 21 + keyIdLength);
  const sharedSecret = keys.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.publicKey, senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, keys.auth, keyInfo, 32));
  const contentKey = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
  );
  const baseNonce = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12),
  );
  const records = body.subarray(21 + keyIdLength);
  const plain: Buffer[] = [];
  for (let offset = 0, sequence = 0; offset < records.length; offset += recordSize, sequence++) {
    const record = records.subarray(offset, offset + recordSize);
    const nonce = Buffer.from(baseNonce);
    // The record's sequence number, XORed into the nonce's low bits (it fits in 32 of them).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ sequence) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([
      decipher.update(record.subarray(0, record.length - 16)),
      decipher.final(),
    ]);
    // Each record ends with a delimiter (2 on the last, 1 before) then zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    const last = offset + recordSize >= records.length;
    if (padded[end] !== (last ? 2 : 1)) throw new Error('bad padding delimiter');
    plain.push(padded.subarray(0, end));
  }
  return Buffer.concat(plain).toString('utf8');
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startPushService(): Promise<PushService> {
  const { key, cert, dir } = selfSignedCertificate();
  const subscriptions = new Map<string, Keys>();
  const statusFor = new Map<string, number>();
  let defaultStatus = 201;
  const received = arrivals<ReceivedPush>('pushes');
  const refused: RefusedPush[] = [];
  let holding: {
    released: Promise<void>;
    release(): void;
    onArrival(push: ReceivedPush): void;
  } | null = null;
  let origin = '';

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const endpoint = `${origin}${request.url ?? ''}`;
    const body = await readBody(request);
    const refuse = (status: number, reason: string) => {
      refused.push({ endpoint, status, reason });
      response.writeHead(status).end(reason);
    };
    const keys = subscriptions.get(endpoint);
    if (request.method !== 'POST' || !keys) return refuse(404, 'no such subscription');
    const problem = vapidProblem(request.headers.authorization, origin);
    if (problem) return refuse(403, problem);
    if (request.headers['content-encoding'] !== 'aes128gcm')
      return refuse(400, 'Content-Encoding is not aes128gcm');
    let text: string;
    try {
      text = decryptPush(body, keys);
    } catch (error) {
      return refuse(400, `cannot decrypt: ${(error as Error).message}`);
    }
    const header = (name: string) => request.headers[name] as string | undefined;
    const ttl = header('ttl');
    const push: ReceivedPush = {
      endpoint,
      body: text,
      topic: header('topic'),
      ttl: ttl === undefined ? undefined : Number(ttl),
      urgency: header('urgency'),
      status: statusFor.get(endpoint) ?? defaultStatus,
    };
    received.add(push);
    if (holding) {
      holding.onArrival(push);
      await holding.released;
    }
    if (!response.destroyed) response.writeHead(push.status).end();
  }

  const server = createServer({ key, cert }, (request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    ca: cert,
    caFile: join(dir, 'cert.pem'),
    received: received.items,
    refused,
    subscription() {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(12).toString('base64url')}`;
      subscriptions.set(endpoint, { ecdh, publicKey, auth });
      return {
        endpoint,
        keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    answer(status, endpoint) {
      if (endpoint === undefined) defaultStatus = status;
      else statusFor.set(endpoint, status);
    },
    messages<T>() {
      return received.items.map((push) => ({ ...push, payload: JSON.parse(push.body) as T }));
    },
    waitForPushes: received.waitFor,
    hold() {
      let release = () => {};
      let onArrival: (push: ReceivedPush) => void = () => {};
      const arrived = new Promise<ReceivedPush>((resolve) => {
        onArrival = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = () => {
          holding = null;
          resolve();
        };
      });
      holding = { released, release, onArrival };
      return { arrived, release };
    },
    async close() {
      holding?.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
