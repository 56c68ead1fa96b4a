const WHERE = "Developer tools → Notifications → ⋯ next to your destination → Edit destination → Secret key";

/**
 * A Paddle Billing endpoint secret key: `pdl_ntfset_` and text (Paddle's notification-settings reference:
 * "Webhook destination secret key, prefixed with pdl_ntfset_"). Paddle keys the HMAC with the whole text.
 * API keys (`pdl_live_apikey_…`, `pdl_sdbx_apikey_…`) are named by their kind only.
 */
export function checkPaddleSecret(value: string): string | undefined {
  if (/^pdl_(live|sdbx)_apikey_/.test(value)) {
    return `That is a Paddle API key, not the destination's secret key. The secret key starts with pdl_ntfset_: find it under ${WHERE}.`;
  }
  if (!value.startsWith("pdl_ntfset_")) {
    return `A Paddle secret key starts with pdl_ntfset_. Copy the whole value from ${WHERE}.`;
  }
  if (!/^pdl_ntfset_[A-Za-z0-9_]{20,200}$/.test(value)) {
    return "After pdl_ntfset_ a Paddle secret key has only letters, digits and underscores; check that nothing was cut off.";
  }
  return undefined;
}
