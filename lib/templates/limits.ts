// Size limits of alert templates and of what they render. Templates are user input run by the
// delivery worker, so every dimension that could grow without bound has a ceiling here.

/** The longest a single template part (subject, HTML body, text body, Slack text) may be, in characters. */
export const TEMPLATE_MAX_LENGTH = 16_384;

export const EMAIL_SUBJECT_MAX = 250;
export const EMAIL_HTML_MAX = 200_000;
export const EMAIL_TEXT_MAX = 100_000;

/**
 * Block Kit's limits (Slack refuses the whole message past any of them, so output is cut to fit): 50 blocks,
 * a header's plain text 150 characters, a section's text 3,000, a section's fields 10 of 2,000 each, a
 * context block 10 elements, a button's label 75 and its URL 3,000.
 */
export const SLACK_MAX_BLOCKS = 50;
export const SLACK_HEADER_MAX = 150;
export const SLACK_SECTION_MAX = 3000;
export const SLACK_FIELDS_PER_SECTION = 10;
export const SLACK_FIELD_MAX = 2000;
export const SLACK_CONTEXT_MAX_ELEMENTS = 10;
export const SLACK_CONTEXT_TEXT_MAX = 3000;
export const SLACK_BUTTON_URL_MAX = 3000;
/** Our own ceilings, well inside the 50 blocks: body sections, and facts (five sections of fields). */
export const SLACK_MAX_SECTIONS = 10;
export const SLACK_MAX_FACTS = 50;
/** The notification text: Slack allows more, but notifications show a line or two. */
export const SLACK_FALLBACK_MAX = 3000;

/** `{{json value}}` output beyond this is cut: a whole payload in an alert is rarely readable anyway. */
export const JSON_HELPER_MAX = 20_000;

/**
 * Ceilings on one render: loop iterations, and characters produced by loops and helpers (counted as they
 * are produced; a helper's output inside a loop counts again as part of that loop's output).
 */
export const RENDER_MAX_ITERATIONS = 10_000;
export const RENDER_MAX_OUTPUT = 1_000_000;

/** `{{#each (keyFields value n)}}`: fields listed at most, keys looked at at most, characters per value. */
export const KEY_FIELDS_MAX = 20;
export const KEY_FIELDS_SCANNED = 200;
export const KEY_FIELD_VALUE_MAX = 200;

/** The one-line statement of an event's alert (summarizeEvent): at most this many characters. */
export const SUMMARY_MAX = 200;

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

/**
 * Wall-clock cap of one render: checked at every loop iteration, and enforced by the render pool, which
 * terminates a thread still rendering past it (render-pool.ts).
 */
export const RENDER_MAX_MS = 250;
/** Ceiling of one render job, compiling its parts included (a thread starting up is not counted). */
export const RENDER_JOB_MAX_MS = 5_000;

/** Render threads per process, and how long an idle one lives; one project uses at most half of them. */
export const RENDER_POOL_THREADS = 2;
export const RENDER_POOL_IDLE_MS = 30_000;
/** Renders one project may have waiting; past it, the render fails at once instead of queueing. */
export const RENDER_QUEUE_PER_PROJECT = 200;
/** Heap of a render thread: a render that needs more is stopped instead of growing the process. */
export const RENDER_THREAD_HEAP_MB = 128;
