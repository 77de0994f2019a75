import * as z from 'zod/mini';

/**
 * The schema with what the OpenAPI document says of it: a description, an example, or an `id`
 * that makes it a named component. Like classic zod's `.meta()`, it annotates a copy, so a schema
 * shared by many fields keeps its own documentation, and adds no check (zod refuses to `pick` or
 * `extend` an object with checks).
 */
export const documented = <TSchema extends z.ZodMiniType>(schema: TSchema, meta: z.core.GlobalMeta): TSchema =>
  (schema.clone() as z.ZodMiniType).register(z.globalRegistry, meta) as TSchema;
