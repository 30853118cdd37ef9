/** The part of OpenAPI 3.0's JSON Schema the fuzzer reads, and how it follows `$ref` and `allOf`. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** `#/components/schemas/Name` (or any JSON pointer into the document) followed until a schema without `$ref`. */
export function resolve(schema: JsonSchema, document: OpenApi, seen = new Set<string>()): JsonSchema {
  if (!schema.$ref) return schema;
  if (seen.has(schema.$ref)) throw new Error(`circular $ref ${schema.$ref}`);
  const target = schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return resolve(target as JsonSchema, document, new Set([...seen, schema.$ref]));
}

/** `allOf` folded into one schema: properties and required merged, the narrowest bounds kept. */
export function flatten(schema: JsonSchema, document: OpenApi): JsonSchema {
  const resolved = resolve(schema, document);
  if (!resolved.allOf) return resolved;
  const { allOf, ...rest } = resolved;
  return allOf
    .map((part) => flatten(part, document))
    .reduce<JsonSchema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...new Set([...(merged.required ?? []), ...(part.required ?? [])])],
        minLength: max(merged.minLength, part.minLength),
        maxLength: min(merged.maxLength, part.maxLength),
        minimum: max(merged.minimum, part.minimum),
        maximum: min(merged.maximum, part.maximum),
      }),
      rest,
    );
}

const max = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const min = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** The schema's one type, `string` when it names none (OpenAPI 3.0 has no type arrays; 3.1 does). */
export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

/** The OpenAPI path of a served route: `/a/:id` → `/a/{id}`. */
export const templateOf = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
