import type { z } from "zod";
import type { PresetSpec } from "./preset-spec";

// A sender is the application that posts events to a webhook (Clerk, Stripe, GitHub…). Each one is data:
// how it signs (a Verification, run by one of three schemes in lib/senders/schemes/), where its idempotency
// key and event type are, its event catalog, samples and presets; plus at most a small `identify` function.
// Ingest has one code path for all of them (lib/senders/verify-request.ts).

export type HeaderLookup = { get(name: string): string | null };

/** A request as a sender's scheme sees it: headers and the raw body, decoded as UTF-8. */
export type SignedRequest = { headers: HeaderLookup; body: string };

export type SecretSlot = "current" | "previous";

export type HashAlgorithm = "sha1" | "sha256" | "sha512";
export type DigestEncoding = "hex" | "base64";

/** Where a signed timestamp is, when the scheme signs one, and how it joins the body in the signed content. */
export type SignedTimestamp =
  /** Stripe `t=…,v1=…`, Paddle `ts=…;h1=…`, WorkOS `t=…, v1=…`: the signature header is a list of key=value. */
  | {
      in: "signature-list";
      /** Between the list's entries: "," (Stripe, WorkOS) or ";" (Paddle). */
      entrySeparator: string;
      timestampKey: string;
      signatureKey: string;
      /** Between the timestamp and the body in the signed content: "." (Stripe, WorkOS) or ":" (Paddle). */
      separator: string;
      unit: "s" | "ms";
    }
  /** A header of its own (Custom HMAC). */
  | { in: "header"; header: string; separator: string; unit: "s" | "ms" };

/**
 * How a sender signs. Three schemes cover every sender: Standard Webhooks (Svix), an HMAC of the body (or of
 * a timestamp and the body) in a header, and a shared token compared as is.
 */
export type Verification =
  | {
      scheme: "standard-webhooks";
      /** "base64": the secret is `whsec_<base64 key>` (Svix, Clerk); "raw": the key is the secret's bytes (Polar). */
      key: "base64" | "raw";
      /** The headers its requests carry (both are accepted): svix-* (Svix, Clerk, Resend) or webhook-*. */
      family: "svix" | "webhook";
      toleranceSeconds: number;
    }
  | {
      scheme: "hmac";
      /** Lower-case header name that carries the signature. */
      header: string;
      algorithm: HashAlgorithm;
      encoding: DigestEncoding;
      /** Text before the digest in the header, such as GitHub's "sha256="; none: "". */
      prefix: string;
      /** Absent: the raw body alone is signed. */
      timestamp?: SignedTimestamp;
      /** Replay window around the signed timestamp; null: the sender signs no time. */
      toleranceSeconds: number | null;
      /** Linear: a timestamp inside the signed body (epoch ms) that must be within this window. */
      bodyTimestamp?: { field: string; toleranceSeconds: number };
    }
  | {
      scheme: "token";
      /** Lower-case header name that carries the shared secret (GitLab's X-Gitlab-Token, a Supabase header). */
      header: string;
    };

/** What ingest stores about the event, taken from the request the way this sender puts it. */
export type Identity = {
  /** The sender's own id of this delivery, the idempotency key; null: the sender gives none (body hash). */
  messageId: string | null;
  /** "invoice.payment_failed", "pull_request.opened", "orders/create"; null when the request names none. */
  eventType: string | null;
  /** The kind of object the event is about, when the sender says ("user", "charge"…); null otherwise. */
  eventObject: string | null;
};

export type EventGroup = { id: string; name: string; types: { type: string; description: string }[] };

/** A field of a sender's settings form; `name` is the Config key it fills. Values are sent as text or a number. */
export type SettingField = {
  name: string;
  label: string;
  help?: string;
  placeholder?: string;
  /** A select offers `options`; a number field parses its value; text stays text. */
  type: "text" | "number" | "select";
  options?: { value: string; label: string }[];
  /** Shown only when another field has this value (Custom HMAC's timestamp header only when time is signed). */
  showWhen?: { field: string; value: string };
  defaultValue?: string;
};

export type SenderCategory = "auth" | "payments" | "commerce" | "developer" | "email" | "database" | "generic";

export type Sender<Config = undefined> = {
  /** Stored in Webhook.provider and taken by the API ("stripe", "github"…). */
  id: string;
  name: string;
  category: SenderCategory;
  /** Extra words the Connect picker matches ("billing", "payments"…). */
  keywords: string[];
  docsUrl: string;
  /** The docs link's words when they are not "<name>'s webhook docs" (Custom HMAC links to the HMAC RFC). */
  docsLabel?: string;
  /** Where the user pastes Hookbell's Webhook URL in the sender's dashboard, step by step. */
  urlHelp: string[];
  secret: {
    /** The field's label: "Signing secret", "Webhook secret", "Secret token"… */
    label: string;
    placeholder: string;
    /** Where in the sender's dashboard the secret is (shown beside the field and in rejections). */
    help: string;
    /** A problem with a pasted secret, in the sender's terms; undefined: it can be saved. */
    check(secret: string): string | undefined;
  };
  /** Settings of the webhook beyond the secret (Custom HMAC's header and algorithm…), validated at every boundary. */
  config?: z.ZodType<Config>;
  /** How the Connect panel asks for those settings: one field per key of Config, in order. */
  settingsFields?: SettingField[];
  verification(config: Config): Verification;
  /**
   * Lower-case header names only this sender sends. A request that carries them, on a webhook connected to
   * another sender whose own headers are missing, is refused naming both.
   */
  marks: string[];
  /**
   * Headers the webhook's settings name besides the ones its scheme reads (Custom HMAC's delivery id
   * header): a request that carries one is this sender's, never taken for another sender's request.
   */
  settingsHeaders?(config: Config): string[];
  /** What the idempotency key is, for the Connect panel ("Stripe's event id"); null: none (body hash). */
  idempotency: string | null;
  /** Where the delivery id, event type and object are; `payload` is the verified, parsed body. */
  identify(request: SignedRequest, payload: Record<string, unknown>, config: Config): Identity;
  /** The sender posts application/x-www-form-urlencoded with the JSON in a `payload` field (GitHub can). */
  formEncoded?: boolean;
  /** The sender's event types, grouped as its dashboard groups them (pickers, previews, "send test event"). */
  events: EventGroup[];
  /** A realistic payload of this type, as the sender sends it (new objects on every call). */
  sample(eventType: string, now: Date, config?: Config): Record<string, unknown>;
  /**
   * Headers besides the signature that the sender's requests of this type carry (GitHub's X-GitHub-Event,
   * Shopify's X-Shopify-Topic…); `messageId` is the delivery id to put where the sender puts it.
   */
  sampleHeaders?(eventType: string, messageId: string, config?: Config): Record<string, string>;
  /** Presets for the events people alert on, written once for every channel kind. */
  presets: PresetSpec[];
};

/** A sender whose Config is not known at the call site (the registry's view). */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds senders of every Config type
export type AnySender = Sender<any>;
