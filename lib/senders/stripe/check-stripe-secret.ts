const WHERE = "Developers → Webhooks → your endpoint → Signing secret → Reveal";

// Stripe's API keys sit beside the webhook settings and are pasted by mistake: name the kind by its prefix
// only (the value is never repeated) and say where the signing secret is instead.
const API_KEYS = [
  { prefix: "sk_", name: "secret key" },
  { prefix: "rk_", name: "restricted key" },
  { prefix: "pk_", name: "publishable key" },
];

/**
 * A Stripe endpoint signing secret: `whsec_` and letters and digits (the Dashboard's are 32, the Stripe
 * CLI's `stripe listen` ones 64). Stripe keys the HMAC with the whole text, prefix included.
 */
export function checkStripeSecret(value: string): string | undefined {
  const key = API_KEYS.find((candidate) => value.startsWith(candidate.prefix));
  if (key) {
    return `That is a Stripe ${key.name} (${key.prefix}…), not the endpoint's signing secret. The signing secret starts with whsec_: find it under ${WHERE}.`;
  }
  if (!value.startsWith("whsec_")) {
    return `A Stripe signing secret starts with whsec_. Copy the whole value from ${WHERE}.`;
  }
  const rest = value.slice("whsec_".length);
  if (!/^[A-Za-z0-9]+$/.test(rest)) return "After whsec_ a Stripe signing secret has only letters and digits.";
  if (rest.length < 24 || rest.length > 128) {
    return `That signing secret is ${value.length} characters long; Stripe's are longer. Check that nothing was cut off.`;
  }
  return undefined;
}
