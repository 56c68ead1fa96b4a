type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
  format?: string;
  $ref?: string;
};

/** A short type label: "string", "string[] | null", "\"email\"", "Webhook"… */
export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? "object";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeLabel).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  return types
    .map((type) => (type === "array" ? `${schema.items ? typeLabel(schema.items) : "any"}[]` : type))
    .map((type) => (type === "string" && schema.format ? `${type} (${schema.format})` : type))
    .join(" | ");
}

/** The properties of an object schema (or of each branch of a union) as a definition list. */
export function SchemaFields({ schema }: { schema: JsonSchema }) {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    return (
      <div className="space-y-3">
        {branches.map((branch, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: branches are fixed and never reordered
          <div key={index}>
            <p className="mb-1 text-xs font-medium text-slate-600">{index === 0 ? "One of:" : "or:"}</p>
            <SchemaFields schema={branch} />
          </div>
        ))}
      </div>
    );
  }
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="text-sm text-slate-600">{typeLabel(schema)}</p>;
  return (
    <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
      {properties.map(([name, property]) => (
        <div key={name} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-mono text-xs">
            {name}
            {schema.required?.includes(name) ? <span className="ml-1 text-red-700">required</span> : null}
          </dt>
          <dd className="space-y-0.5">
            <span className="font-mono text-xs text-slate-600">{typeLabel(property)}</span>
            {property.description ? <p className="text-slate-700">{property.description}</p> : null}
            {property.default !== undefined ? (
              <p className="text-xs text-slate-600">Default: {JSON.stringify(property.default)}</p>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export type { JsonSchema };
