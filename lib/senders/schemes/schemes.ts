import type { Verification } from "../sender";
import { hmacScheme } from "./hmac";
import type { Scheme } from "./scheme";
import { standardWebhooksScheme } from "./standard-webhooks";
import { tokenScheme } from "./token";

const SCHEMES: { [S in Verification["scheme"]]: Scheme<Extract<Verification, { scheme: S }>> } = {
  "standard-webhooks": standardWebhooksScheme,
  hmac: hmacScheme,
  token: tokenScheme,
};

/** The scheme that checks (and makes) signatures of this kind. */
export function schemeFor<V extends Verification>(verification: V): Scheme<V> {
  return SCHEMES[verification.scheme] as unknown as Scheme<V>;
}
