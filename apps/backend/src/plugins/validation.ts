import { Ajv, type Options } from 'ajv';
import formats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// ajv-formats is CommonJS with a `default` export property.
const addFormats = formats.default;

function createAjv(options: Options) {
  // No stripping of unknown fields (they are refused), every failure reported at once.
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    strict: false,
    ...options,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Path and query values arrive as text and are coerced to the declared types; JSON bodies are
 * not: `{"title": 5}` is a wrong type, answered 422, never silently turned into "5".
 */
async function validation(app: FastifyInstance) {
  const coercing = createAjv({ coerceTypes: 'array' });
  const strict = createAjv({ coerceTypes: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
}

export default fp(validation, { name: 'validation' });
