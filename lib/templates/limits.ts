// Size limits of alert templates and of what they render. Templates are user input run by the
// delivery worker, so every dimension that could grow without bound has a ceiling here.

/** The longest a single template part (subject, HTML body, text body, Slack text) may be, in characters. */
export const TEMPLATE_MAX_LENGTH = 16_384;

export const EMAIL_SUBJECT_MAX = 250;
export const EMAIL_HTML_MAX = 200_000;
export const EMAIL_TEXT_MAX = 100_000;

/** Slack refuses section texts over 3000 characters and messages over 50 blocks. */
export const SLACK_SECTION_MAX = 3000;
export const SLACK_MAX_SECTIONS = 10;
export const SLACK_FALLBACK_MAX = 3000;

/** `{{json value}}` output beyond this is cut: a whole payload in an alert is rarely readable anyway. */
export const JSON_HELPER_MAX = 20_000;

/** Ceilings on one render: loop iterations, and characters produced inside loops. */
export const RENDER_MAX_ITERATIONS = 10_000;
export const RENDER_MAX_LOOP_OUTPUT = 1_000_000;

/** Event data copied into a render: nesting depth, characters per string, entries per object or array. */
export const DATA_MAX_DEPTH = 32;
export const DATA_MAX_STRING = 50_000;
export const DATA_MAX_ENTRIES = 2_000;

/** `text` cut to at most `max` characters, ending with "…" when cut. */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cutting between the halves of a surrogate pair would leave a broken character.
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? "")) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Wall-clock cap of one render, checked at every loop iteration. */
export const RENDER_MAX_MS = 250;
