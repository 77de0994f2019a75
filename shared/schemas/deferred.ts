// Every schema module imports this one, so zod's settings hold for each schema whatever loaded
// first: a function's entry, a stack, a script or a test.
import './zod-settings';

let buildOnDefinition = false;

/**
 * Makes every schema defined from now on built at once. zod's JSON Schema writer (behind the
 * OpenAPI document, generated at build time) tracks schemas by identity, which a stand-in does not
 * share with the schema it builds; the generator calls this before it loads the routes.
 */
export const buildSchemasOnDefinition = () => {
  buildOnDefinition = true;
};

export const schemasBuiltOnDefinition = () => buildOnDefinition;

/**
 * A schema built the first time it is used rather than when its module loads. zod takes about a
 * tenth of a millisecond to build each schema, and Accord defines hundreds at module level: built
 * eagerly they were a third of every function's cold start, while an invocation parses only a
 * few. The proxy stands in for the schema in parsing, in composing (`z.optional(ZEmail)`) and in
 * `z.infer`: zod/mini's methods read the schema through `this`, which reaches the built schema
 * through the proxy.
 */
export const deferred = <TSchema extends object>(build: () => TSchema): TSchema => {
  if (buildOnDefinition) return build();
  let schema: TSchema | undefined;
  const built = () => (schema ??= build());
  return new Proxy({} as TSchema, {
    get: (_, key) => Reflect.get(built(), key),
    set: (_, key, value) => Reflect.set(built(), key, value),
    has: (_, key) => Reflect.has(built(), key),
    ownKeys: () => Reflect.ownKeys(built()),
    // A proxy may not report a property its own (empty) target lacks as non-configurable.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(built(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(built(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
};
