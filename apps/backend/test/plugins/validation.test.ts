import { describe, expect, it } from 'vitest';
import { compiledOnFirstCall, createAjv } from '../../src/plugins/validation.js';

const schema = {
  type: 'object',
  properties: { title: { type: 'string', minLength: 1 } },
  required: ['title'],
};

describe('validators compiled on first call', () => {
  it('compiles nothing until a request is checked, then once', () => {
    const ajv = createAjv({ coerceTypes: false });
    let compiled = 0;
    const validate = compiledOnFirstCall(() => {
      compiled++;
      return ajv.compile(schema);
    });
    expect(compiled).toBe(0);
    expect(validate({ title: 'a' })).toBe(true);
    expect(validate({ title: 'b' })).toBe(true);
    expect(compiled).toBe(1);
  });

  it("reports the last check's errors, as Fastify reads them off the function", () => {
    const validate = compiledOnFirstCall(() => createAjv({ coerceTypes: false }).compile(schema));
    expect(validate({ title: 5 })).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({ instancePath: '/title', keyword: 'type' }),
    ]);
    expect(validate({ title: 'fine' })).toBe(true);
    expect(validate.errors).toBeNull();
  });
});
