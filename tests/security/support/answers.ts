import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The request ids the backend hands back: a caller's harmless one, or a fresh UUID. */
const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/;

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Object.prototype is as it was when the file loaded: nothing polluted it. */
export function expectUnpolluted() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/**
 * The properties every answer must have, whatever was asked: no 5xx; a 4xx is problem+json
 * (RFC 9457) whose `status` is the HTTP status; the request id header is never an echo of
 * something unsafe; and no request polluted Object.prototype.
 */
export function expectWellFormed(response: LightMyRequestResponse, method: string) {
  const status = response.statusCode;
  expect(status, response.body.slice(0, 500)).toBeLessThan(500);
  expect(String(response.headers['x-request-id'])).toMatch(SAFE_REQUEST_ID);
  if (status >= 400) {
    expect(response.headers['content-type'], response.body.slice(0, 200)).toMatch(
      /^application\/problem\+json/,
    );
    if (method !== 'HEAD') {
      const problem = JSON.parse(response.body) as Record<string, unknown>;
      expect(typeof problem.type, response.body).toBe('string');
      expect(typeof problem.title, response.body).toBe('string');
      expect(problem.status, response.body).toBe(status);
    }
  } else if (method !== 'HEAD' && /json/.test(String(response.headers['content-type']))) {
    expect(() => JSON.parse(response.body)).not.toThrow();
  }
  expectUnpolluted();
}
