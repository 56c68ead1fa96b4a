import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";

export type { LookupFunction };
export type GuardedFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
export interface GuardedFetchOptions {
  /** Resolver used at connect time; defaults to dns.lookup (asked for all addresses). */
  lookup?: LookupFunction;
  /** Skip the public-address check: only for the operator-configured test or proxy origin. */
  allowPrivate?: boolean;
}

// Answers from Slack are a few bytes; a cap keeps a hostile or broken server from filling memory.
const MAX_BODY_BYTES = 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

const toUint32 = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
// IPv4 ranges that must never be reached from a webhook sender (RFC 6890 special-purpose registry).
const V4_RANGES = (
  [
    ["0.0.0.0/8", "an unspecified"],
    ["10.0.0.0/8", "a private"],
    ["100.64.0.0/10", "a shared (CGNAT)"],
    ["127.0.0.0/8", "a loopback"],
    ["169.254.0.0/16", "a link-local"], // includes the cloud metadata service 169.254.169.254
    ["172.16.0.0/12", "a private"],
    ["192.0.0.0/24", "a reserved"],
    ["192.0.2.0/24", "a documentation"],
    ["192.88.99.0/24", "a reserved"], // deprecated 6to4 relay anycast
    ["192.168.0.0/16", "a private"],
    ["198.18.0.0/15", "a benchmarking"],
    ["198.51.100.0/24", "a documentation"],
    ["203.0.113.0/24", "a documentation"],
    ["224.0.0.0/4", "a multicast"],
    ["240.0.0.0/4", "a reserved"], // includes broadcast 255.255.255.255
  ] as const
).map(([cidr, kind]) => ({ base: toUint32(cidr.split("/")[0]), bits: Number(cidr.split("/")[1]), kind }));

function ipv4Kind(n: number): string | undefined {
  return V4_RANGES.find(({ base, bits }) => (n ^ base) >>> (32 - bits) === 0)?.kind;
}

function ipv6Kind(ip: string): string | undefined {
  // The WHATWG URL parser canonicalises IPv6 (dotted tails become hex), so only "::" needs expanding here.
  const host = new URL(`http://[${ip}]`).hostname.slice(1, -1);
  const [head, tail] = host.includes("::") ? host.split("::") : [host, ""];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill("0"), ...t].map((g) => Number.parseInt(g, 16));
  const [a, b, c, d, e, f, g, last] = groups;
  if (groups.every((x) => x === 0)) return "an unspecified";
  if ((a | b | c | d | e | f | g) === 0 && last === 1) return "a loopback";
  // IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) addresses reach the embedded IPv4 address.
  if (((a | b | c | d | e) === 0 && f === 0xffff) || (a === 0x64 && b === 0xff9b && (c | d | e | f) === 0)) {
    return ipv4Kind(g * 0x10000 + last);
  }
  if ((a & 0xfe00) === 0xfc00) return "a private (unique local)";
  if ((a & 0xffc0) === 0xfe80) return "a link-local";
  if ((a & 0xff00) === 0xff00) return "a multicast";
  if ((a & 0xe000) !== 0x2000) return "a reserved"; // only 2000::/3 is global unicast
  if ((a === 0x2001 && b === 0xdb8) || (a & 0xfff0) === 0x3ff0) return "a documentation";
  if ((a === 0x2001 && b < 0x200) || a === 0x2002) return "a reserved"; // IETF protocol ranges (Teredo…), 6to4
  return undefined;
}

/** Why `ip` is not a public unicast address ("a loopback", …), or undefined when it is one. */
function addressKind(ip: string): string | undefined {
  const version = isIP(ip);
  if (version === 4) return ipv4Kind(toUint32(ip));
  if (version !== 6) return "an invalid";
  return ip.includes("%") ? "a scoped (link-local)" : ipv6Kind(ip);
}

export function isPublicAddress(ip: string): boolean {
  return addressKind(ip) === undefined;
}

// Names only the host and address: the URL path of a Slack webhook is its secret.
function refusal(host: string, ip: string): Error | undefined {
  const kind = addressKind(ip);
  if (!kind) return undefined;
  const how = host === ip ? "it is" : `it resolves to ${ip},`;
  return Object.assign(new Error(`Refused to connect to ${host}: ${how} ${kind} address`), { code: "EADDRNOTPUBLIC" });
}

export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const resolve = options.lookup ?? dns.lookup;
  const allowPrivate = options.allowPrivate ?? false;
  // Agents of our own: a kept-alive socket vetted under one policy must never be reused under another.
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

  // Given to the socket as its resolver, so the addresses vetted are exactly those it connects to; checking
  // first and letting Node resolve again would leave a window for DNS rebinding.
  const vettedLookup: LookupFunction = (hostname, dnsOptions, callback) => {
    resolve(hostname, { ...dnsOptions, all: true }, (error, result, family) => {
      if (error) return callback(error, []);
      const addresses = typeof result === "string" ? [{ address: result, family: family ?? isIP(result) }] : result;
      const refused = addresses.map(({ address }) => refusal(hostname, address)).find(Boolean);
      if (refused && !allowPrivate) return callback(refused, []);
      if (!addresses.length) return callback(Object.assign(new Error("No address"), { code: "ENOTFOUND" }), []);
      if (dnsOptions.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };

  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!["http:", "https:"].includes(url.protocol)) throw new TypeError(`Unsupported protocol ${url.protocol}`);
    const { signal } = request;
    signal.throwIfAborted();
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    // Node connects to IP literals without calling `lookup`, so those are vetted here.
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const literal = isIP(host) && !allowPrivate ? refusal(host, host) : undefined;
    if (literal) throw literal;
    const headers = Object.fromEntries(request.headers);
    if (body) headers["content-length"] = String(body.length);
    const transport = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? agents.https : agents.http;

    return new Promise<Response>((resolveResponse, reject) => {
      const req = transport.request(url, { method: request.method, headers, agent, lookup: vettedLookup });
      const onAbort = () => {
        req.destroy();
        reject(signal.reason);
      };
      const settle = (error: unknown, response?: Response) => {
        signal.removeEventListener("abort", onAbort);
        if (response) resolveResponse(response);
        else reject(error);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      req.on("error", settle);
      req.on("response", (res) => {
        const status = res.statusCode ?? 0;
        // Redirects are never followed: a 3xx could point anywhere. redirect "error" fails as fetch does.
        if (REDIRECT_STATUSES.has(status) && request.redirect === "error") {
          res.destroy();
          return settle(new TypeError(`Redirect refused: ${url.hostname} answered ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("error", settle);
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) res.destroy(new Error(`Response from ${url.hostname} exceeds 1 MiB`));
          else chunks.push(chunk);
        });
        res.on("end", () => {
          try {
            const raw = res.rawHeaders;
            const pairs = raw.flatMap((name, i) => (i % 2 ? [] : [[name, raw[i + 1]] as [string, string]]));
            const content = NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(Buffer.concat(chunks));
            settle(null, new Response(content, { status, statusText: res.statusMessage ?? "", headers: pairs }));
          } catch (error) {
            settle(error); // e.g. a status outside 200–599, which Response refuses
          }
        });
      });
      req.end(body);
    });
  };
}

export const guardedFetch: GuardedFetch = createGuardedFetch();
