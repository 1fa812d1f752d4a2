import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { Ajv, type Options } from 'ajv';
import formats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// ajv-formats is CommonJS with a `default` export property.
const addFormats = formats.default;

// The instants a timestamptz column takes from JavaScript and gives back unchanged: years 0100
// to 9999, in UTC. PostgreSQL stores years from 0001, but drizzle reads a timestamptz back with
// `new Date(text)`, and V8 misreads a year below 100 in PostgreSQL's output: a due date of
// 0001-06-15 was acknowledged, then came back as 2015-01-06.
const EARLIEST = Date.parse('0100-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * ajv-formats' date-time accepts a leap second (23:59:60), which JavaScript's Date cannot hold,
 * and the year 0000 (or past 9999 once the offset is applied), which PostgreSQL refuses: both
 * ended in a failed query (500). Narrowed to what can be stored, they are a 422 like any bad date.
 */
function storableDateTimes(ajv: Ajv) {
  const rfc3339 = ajv.formats['date-time'];
  const check = typeof rfc3339 === 'object' && 'validate' in rfc3339 ? rfc3339.validate : null;
  if (typeof check !== 'function') throw new Error('ajv-formats defines no date-time check');
  const valid = check as (text: string) => boolean;
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (text: string) => {
      if (!valid(text)) return false;
      const instant = Date.parse(text);
      return instant >= EARLIEST && instant <= LATEST;
    },
  });
}

/** An ajv with the API's rules: unknown fields refused, every failure reported, storable dates. */
export function createAjv(options: Options) {
  // No stripping of unknown fields (they are refused), every failure reported at once.
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    strict: false,
    ...options,
  });
  addFormats(ajv);
  storableDateTimes(ajv);
  return ajv;
}

/** A compiled check; Fastify reads `errors` off the function after a failed call. */
type Check<Errors, Checked> = ((data: unknown) => data is Checked) & { errors?: Errors | null };

/**
 * Compiles a check on its first call. Compiling every schema up front, for every route and the
 * HEAD twin of every GET, was a quarter of the start-up CPU (docs/benchmarks.md, "After issue 12 (api)"),
 * and most routes see no request for a long time, some never.
 */
export function compiledOnFirstCall<Errors, Checked>(
  compile: () => Check<Errors, Checked>,
): Check<Errors, Checked> {
  let compiled: Check<Errors, Checked> | undefined;
  const check: Check<Errors, Checked> = (data): data is Checked => {
    compiled ??= compile();
    const valid = compiled(data);
    check.errors = compiled.errors;
    return valid;
  };
  return check;
}

/**
 * Path and query values arrive as text and are coerced to the declared types; JSON bodies are
 * not: `{"title": 5}` is a wrong type, answered 422, never silently turned into "5". Response
 * serialisers, Fastify's own (fast-json-stringify), are built on first use too: another eighth
 * of the start-up CPU.
 */
async function validation(app: FastifyInstance) {
  const coercing = createAjv({ coerceTypes: 'array' });
  const strict = createAjv({ coerceTypes: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    compiledOnFirstCall(() =>
      httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
    ),
  );
  const serializers = SerializerSelector()();
  app.setSerializerCompiler((route) => {
    let serialize: ((payload: unknown) => string) | undefined;
    return (payload) => {
      serialize ??= serializers({ ...route, httpStatus: route.httpStatus ?? '' });
      return serialize(payload);
    };
  });
}

export default fp(validation, { name: 'validation' });
