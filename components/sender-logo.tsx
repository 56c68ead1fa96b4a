import {
  type SimpleIcon,
  siClerk,
  siGithub,
  siGitlab,
  siLemonsqueezy,
  siLinear,
  siPaddle,
  siResend,
  siShopify,
  siStripe,
  siSupabase,
  siVercel,
} from "simple-icons";

// Brand marks from simple-icons, by sender id with anything but letters and digits dropped ("lemon-squeezy"
// and "lemonsqueezy" both find Lemon Squeezy). Named imports only, so the bundle carries just these paths.
// simple-icons has no WorkOS or Polar mark: those, and the generic senders, get the fallback below.
const ICONS: Record<string, SimpleIcon> = {
  clerk: siClerk,
  stripe: siStripe,
  github: siGithub,
  shopify: siShopify,
  paddle: siPaddle,
  resend: siResend,
  vercel: siVercel,
  linear: siLinear,
  lemonsqueezy: siLemonsqueezy,
  gitlab: siGitlab,
  supabase: siSupabase,
};

const SIZES = { sm: "h-5 w-5 rounded", md: "h-8 w-8 rounded-md", lg: "h-10 w-10 rounded-lg" };

/** Dark glyphs on light brand colours (Paddle's yellow), white on the rest. */
function glyphColour(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6 ? "#0f172a" : "#ffffff";
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : name.slice(0, 2)).toUpperCase();
}

/**
 * A sender's mark on a tile of its brand colour; a neutral tile with a webhook glyph for the generic senders
 * (Standard Webhooks, Custom HMAC) and with initials for a sender simple-icons does not have. Decorative: the
 * sender's name is always written beside it.
 */
export function SenderLogo({
  id,
  name,
  generic = false,
  size = "md",
}: {
  id: string;
  name: string;
  /** A sender that stands for any application (category "generic"): the webhook glyph, not initials. */
  generic?: boolean;
  size?: keyof typeof SIZES;
}) {
  const icon = ICONS[id.toLowerCase().replace(/[^a-z0-9]/g, "")];
  const tile = `${SIZES[size]} inline-flex shrink-0 items-center justify-center`;
  if (icon) {
    return (
      <span aria-hidden="true" className={tile} style={{ backgroundColor: `#${icon.hex}` }} data-logo={id}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-3/5 w-3/5" fill={glyphColour(icon.hex)}>
          <path d={icon.path} />
        </svg>
      </span>
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${tile} border border-slate-300 bg-slate-100 text-[0.6rem] font-semibold text-slate-600`}
      data-logo={id}
    >
      {generic ? (
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-3/5 w-3/5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M18 16.98h-5.99c-1.1 0-1.95.94-2.48 1.9A4 4 0 0 1 2 17c.01-.7.2-1.4.57-2" />
          <path d="m6 17 3.13-5.78c.53-.97.1-2.18-.5-3.1a4 4 0 1 1 6.89-4.06" />
          <path d="m12 6 3.13 5.73C15.66 12.7 16.9 13 18 13a4 4 0 0 1 0 8" />
        </svg>
      ) : (
        initials(name)
      )}
    </span>
  );
}
