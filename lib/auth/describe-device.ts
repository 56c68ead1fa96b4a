// A User-Agent shortened to what a person recognises in a list of their sessions: "Chrome on Linux".
// Order matters: Edge and Opera also claim Chrome, and Chrome also claims Safari.
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/HeadlessChrome\//, "Headless Chrome"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux|X11/, "Linux"],
];

export function describeDevice(userAgent: string | undefined | null): string {
  const agent = (userAgent ?? "").slice(0, 512);
  const browser =
    BROWSERS.find(([pattern]) => pattern.test(agent))?.[1] ??
    // Scripts and tools ("curl/8.5", "node") name themselves first.
    agent.match(/^([A-Za-z][\w.-]{0,30})/)?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  if (!browser) return system ? `A browser on ${system}` : "Unknown device";
  return system ? `${browser} on ${system}` : browser;
}
