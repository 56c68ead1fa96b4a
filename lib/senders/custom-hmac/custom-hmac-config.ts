import { z } from "zod";
import { headerNameSetting } from "../header-name";

// Custom HMAC's settings: how the long tail of senders sign, as the user reads it off the sender's docs.
// Every refusal names the field by its label in the settings form, since the dashboard shows the message alone.

const MAX_PREFIX = 20;
const MAX_SEPARATOR = 5;
const MAX_TOLERANCE = 3600;
/** Printable ASCII, no space at either end (the header value is trimmed before it is read). */
const PRINTABLE = /^[!-~]([ -~]*[!-~])?$/;
const FIELD_PATH = /^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@-]+)*$/;

/** A blank optional text (the form sends "" for an empty field) is none. */
const blankAsNone = (value: unknown) =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

/** A number field may arrive as text. */
const textAsNumber = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value);

export const CustomHmacConfigSchema = z
  .object({
    header: headerNameSetting("Signature header", "x-signature").default("x-signature"),
    algorithm: z
      .enum(["sha1", "sha256", "sha512"], { error: "Algorithm: choose sha1, sha256 or sha512." })
      .default("sha256"),
    encoding: z.enum(["hex", "base64"], { error: "Encoding: choose hex or base64." }).default("hex"),
    prefix: z
      .string({ error: "Signature prefix: enter text, or leave it empty." })
      .max(MAX_PREFIX, `Signature prefix: at most ${MAX_PREFIX} characters.`)
      .refine(
        (prefix) => prefix === "" || PRINTABLE.test(prefix),
        "Signature prefix: printable characters only, such as sha256= (no line breaks, no space at either end).",
      )
      .default(""),
    signed: z
      .enum(["body", "timestamp-body"], { error: "What is signed: choose the body, or a timestamp and the body." })
      .default("body"),
    timestampHeader: z.preprocess(blankAsNone, headerNameSetting("Timestamp header", "x-timestamp").optional()),
    separator: z
      .string({ error: "Separator: enter the text between the timestamp and the body." })
      .max(MAX_SEPARATOR, `Separator: at most ${MAX_SEPARATOR} characters.`)
      .refine((text) => /^[ -~]*$/.test(text), "Separator: printable characters only, such as . or :.")
      .default("."),
    timestampUnit: z.enum(["s", "ms"], { error: "Timestamp unit: choose seconds or milliseconds." }).default("s"),
    toleranceSeconds: z.preprocess(
      textAsNumber,
      z
        .number({ error: "Tolerance: enter a number of seconds." })
        .int("Tolerance: a whole number of seconds.")
        .min(1, `Tolerance: between 1 and ${MAX_TOLERANCE} seconds.`)
        .max(MAX_TOLERANCE, `Tolerance: between 1 and ${MAX_TOLERANCE} seconds.`)
        .default(300),
    ),
    idHeader: z.preprocess(blankAsNone, headerNameSetting("Delivery ID header", "x-delivery-id").optional()),
    typeField: z
      .string({ error: "Event type field: enter a field of the JSON body, such as type." })
      .trim()
      .max(100, "Event type field: at most 100 characters.")
      .refine(
        (path) => FIELD_PATH.test(path),
        "Event type field: a field name of the JSON body, with dots for nested ones (type, event.name).",
      )
      .default("type"),
  })
  .superRefine((config, ctx) => {
    if (config.signed === "timestamp-body" && !config.timestampHeader) {
      ctx.addIssue({
        code: "custom",
        path: ["timestampHeader"],
        message: "Timestamp header: required when a timestamp is signed with the body.",
      });
    }
    if (config.signed === "timestamp-body" && config.timestampHeader === config.header) {
      ctx.addIssue({
        code: "custom",
        path: ["timestampHeader"],
        message: "Timestamp header: must differ from the signature header.",
      });
    }
    if (config.idHeader !== undefined && config.idHeader === config.header) {
      ctx.addIssue({
        code: "custom",
        path: ["idHeader"],
        message: "Delivery ID header: must differ from the signature header.",
      });
    }
  });

export type CustomHmacConfig = z.infer<typeof CustomHmacConfigSchema>;
