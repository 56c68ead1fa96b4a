import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

// zxcvbn's dictionaries cost a few MB and half a second to load: loaded on the first password check (which
// only the dashboard's sign-up and change-password do), once per process. Kept on globalThis because Next
// compiles server actions into bundles of their own, which would each load a copy.
const registry = globalThis as unknown as { hookbellZxcvbn?: Promise<ZxcvbnFactory> };

/** zxcvbn's score (0-4) a password needs: 3 is "safely unguessable" against an online or throttled attack. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Null when the password is strong enough; otherwise the reason, in zxcvbn's words. The user's own email
 * and the product's name count as guessable, so "hookbell2026" or the email's local part do not pass.
 */
export async function checkPasswordStrength(password: string, userInputs: string[]): Promise<string | null> {
  const zxcvbn = await loadZxcvbn();
  const inputs = [...userInputs, ...userInputs.map((input) => input.split("@")[0] ?? ""), "hookbell"].filter(Boolean);
  const result = zxcvbn.check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  const reason = warning ?? "That password is too easy to guess.";
  const advice = suggestions.length > 0 ? suggestions.join(" ") : "Add another uncommon word or two.";
  return `${reason} ${advice}`;
}

function loadZxcvbn(): Promise<ZxcvbnFactory> {
  registry.hookbellZxcvbn ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
        // zxcvbn's matching grows faster than the length and runs on the dashboard's thread: the first 64
        // characters decide (more only adds strength), and the l33t and Levenshtein variants, which cost
        // seconds on crafted input, are bounded or off.
        maxLength: 64,
        l33tMaxSubstitutions: 16,
        useLevenshteinDistance: false,
      }),
    (error: unknown) => {
      registry.hookbellZxcvbn = undefined; // the next check tries again
      throw error;
    },
  );
  return registry.hookbellZxcvbn;
}
