import type { z } from "zod";
import type { ApiCaller } from "../api-keys/authenticate-api-key";
import type { Db } from "../db/client";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export type OperationContext<P, Q, B> = {
  db: Db;
  caller: ApiCaller;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
};

/**
 * One endpoint of /api/v1: the router validates with these schemas and the OpenAPI document is built from
 * the very same ones, so the documentation cannot drift from what is enforced. The handler's result is
 * parsed with `response` before it is sent: undeclared fields (a secret, say) are stripped, never leaked.
 */
export type Operation<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema | undefined = Schema | undefined,
> = {
  id: string;
  method: HttpMethod;
  /** Below /api/v1, with {name} path parameters. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** False only for the OpenAPI document itself. */
  auth?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Whether a request may leave the body out (it is then parsed as `{}`). */
  bodyOptional?: boolean;
  status: number;
  /** The success body's schema, registered under `responseName` in the document; none for 204. */
  response?: R;
  responseName?: string;
  /** Error statuses this operation can answer besides 401, 429 and 500 (and 400/413/415/422 with a body). */
  errors?: number[];
  requestExample?: unknown;
  responseExample?: unknown;
  handler: (context: OperationContext<P, Q, B>) => Promise<R extends Schema ? z.input<R> : undefined>;
};

export function defineOperation<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(operation: Operation<P, Q, B, R>): Operation {
  return operation as unknown as Operation;
}
