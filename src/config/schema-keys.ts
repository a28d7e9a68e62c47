// The keys a config object may have at a given path, read from the zod schema itself, so an unknown-key
// message can list the valid ones and suggest the closest without a second, hand-kept list of names.
import type { z } from 'zod';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly values?: readonly unknown[];
  readonly in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that hold the real schema inside: default(), optional(), nullable(), pipes. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
  return current;
}

/** The object schema at `path` in `root`; `data` (the parsed YAML) picks a discriminated union's member. */
function schemaAt(root: z.ZodType, path: readonly PropertyKey[], data: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  let value = data;
  for (const step of [...path, null]) {
    if (schema === undefined) return undefined;
    const def = defOf(schema);
    if (def.type === 'union' && def.options !== undefined) {
      schema = pickOption(def, value);
      if (schema === undefined) return undefined;
    }
    if (step === null) return schema;
    const current = defOf(schema);
    if (current.type === 'array' && typeof step === 'number') schema = current.element;
    else if (current.type === 'object' && typeof step === 'string') schema = current.shape?.[step];
    else return undefined;
    schema = schema === undefined ? undefined : unwrap(schema);
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  }
  return schema;
}

function pickOption(def: Def, value: unknown): z.ZodType | undefined {
  const options = (def.options ?? []).map(unwrap);
  const key = def.discriminator;
  if (key === undefined || value === null || typeof value !== 'object') return options.length === 1 ? options[0] : undefined;
  const wanted = (value as Record<string, unknown>)[key];
  return options.find((option) => {
    const field = defOf(option).shape?.[key];
    return field !== undefined && (defOf(unwrap(field)).values ?? []).includes(wanted);
  });
}

/** Valid keys of the object at `path`, in schema order; [] when the path is not an object. */
export function keysAt(root: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  const schema = schemaAt(root, path, data);
  if (schema === undefined) return [];
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
