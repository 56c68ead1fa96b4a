import http from "node:http";
import type { AddressInfo } from "node:net";
import { IncomingWebhook } from "@slack/webhook";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGuardedFetch, isPublicAddress, type LookupFunction } from "./guarded-fetch";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["52.89.214.238", true],
    ["100.63.255.255", true],
    ["100.128.0.0", true],
    ["172.15.255.255", true],
    ["172.32.0.0", true],
    ["192.169.0.1", true],
    ["223.255.255.254", true],
    ["127.0.0.1", false],
    ["127.255.255.254", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["169.254.0.1", false],
    ["0.0.0.0", false],
    ["0.1.2.3", false],
    ["100.64.0.1", false],
    ["100.127.255.255", false],
    ["192.0.0.8", false],
    ["192.0.2.1", false],
    ["198.18.0.1", false],
    ["198.19.255.255", false],
    ["198.51.100.7", false],
    ["203.0.113.9", false],
    ["224.0.0.1", false],
    ["239.255.255.250", false],
    ["240.0.0.1", false],
    ["255.255.255.255", false],
    ["2a00:1450:4001:82b::200e", true],
    ["2606:4700:4700::1111", true],
    ["2001:4860:4860::8888", true],
    ["::ffff:8.8.8.8", true],
    ["64:ff9b::8.8.8.8", true],
    ["::", false],
    ["::1", false],
    ["0:0:0:0:0:0:0:1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["::FFFF:10.0.0.1", false],
    ["::ffff:169.254.169.254", false],
    ["::ffff:192.168.0.1", false],
    ["::ffff:0.0.0.0", false],
    ["64:ff9b::127.0.0.1", false],
    ["::127.0.0.1", false],
    ["fc00::1", false],
    ["fd12:3456:789a::1", false],
    ["fe80::1", false],
    ["fe80::1%eth0", false],
    ["febf::1", false],
    ["ff02::1", false],
    ["2001:db8::1", false],
    ["2001::1", false],
    ["2002:7f00:1::1", false],
    ["3fff::1", false],
    ["100::1", false],
    ["hooks.slack.com", false],
    ["", false],
    ["127.1", false],
    ["010.0.0.1", false],
  ])("%s → %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe("guarded fetch against a real local server", () => {
  let server: http.Server;
  let port: number;
  let received: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === "/redirect") {
          res.writeHead(302, { location: "/ok" }).end();
        } else if (req.url === "/rate-limited") {
          res.writeHead(429, "Too Many Requests", { "retry-after": "30" }).end("rate_limited");
        } else if (req.url === "/empty") {
          res.writeHead(204).end();
        } else if (req.url !== "/slow") {
          res.writeHead(200, "OK", { "content-type": "text/plain", "retry-after": "5", "x-multi": ["a", "b"] });
          res.end(`ok ${body}`);
        } // "/slow" never answers
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received = [];
  });

  /** A resolver that answers every name with `addresses`, counting calls (the guard must resolve once). */
  function fakeLookup(...addresses: string[]): LookupFunction & { calls: string[] } {
    const calls: string[] = [];
    const lookup: LookupFunction = (hostname, _options, callback) => {
      calls.push(hostname);
      setImmediate(() =>
        callback(
          null,
          addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
        ),
      );
    };
    return Object.assign(lookup, { calls });
  }

  const url = (path: string) => `http://example.test:${port}${path}`;

  it("refuses a name that resolves to loopback, without sending anything or leaking the path", async () => {
    const lookup = fakeLookup("127.0.0.1");
    const guarded = createGuardedFetch({ lookup });
    const error = await guarded(url("/services/T000/B000/secret"), { method: "POST", body: "{}" }).catch((e) => e);
    expect(error).toMatchObject({
      code: "EADDRNOTPUBLIC",
      message: "Refused to connect to example.test: it resolves to 127.0.0.1, a loopback address",
    });
    expect(String(error.message)).not.toContain("secret");
    expect(lookup.calls).toEqual(["example.test"]);
    expect(received).toHaveLength(0);
  });

  it("refuses when any resolved address is private, even next to a public one", async () => {
    const guarded = createGuardedFetch({ lookup: fakeLookup("8.8.8.8", "10.0.0.5") });
    await expect(guarded(url("/ok"))).rejects.toMatchObject({
      code: "EADDRNOTPUBLIC",
      message: "Refused to connect to example.test: it resolves to 10.0.0.5, a private address",
    });
    expect(received).toHaveLength(0);
  });

  it("refuses IPv4-mapped and metadata addresses from DNS", async () => {
    for (const address of ["::ffff:127.0.0.1", "169.254.169.254", "::1"]) {
      const guarded = createGuardedFetch({ lookup: fakeLookup(address) });
      await expect(guarded(url("/ok"))).rejects.toMatchObject({ code: "EADDRNOTPUBLIC" });
    }
    expect(received).toHaveLength(0);
  });

  it("refuses IP literals and localhost with the default resolver", async () => {
    const guarded = createGuardedFetch();
    await expect(guarded(`http://127.0.0.1:${port}/ok`)).rejects.toMatchObject({
      code: "EADDRNOTPUBLIC",
      message: "Refused to connect to 127.0.0.1: it is a loopback address",
    });
    await expect(guarded(`http://[::1]:${port}/ok`)).rejects.toMatchObject({ code: "EADDRNOTPUBLIC" });
    await expect(guarded(`http://localhost:${port}/ok`)).rejects.toMatchObject({
      code: "EADDRNOTPUBLIC",
      message: expect.stringMatching(/^Refused to connect to localhost: it resolves to .*, a loopback address$/),
    });
    expect(received).toHaveLength(0);
  });

  it("with allowPrivate, sends the request and returns a real Response", async () => {
    const lookup = fakeLookup("127.0.0.1");
    const guarded = createGuardedFetch({ lookup, allowPrivate: true });
    const response = await guarded(url("/ok"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "hookbell-test" },
      body: JSON.stringify({ text: "hi" }),
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe("OK");
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("x-multi")).toBe("a, b");
    expect(await response.text()).toBe('ok {"text":"hi"}');
    expect(lookup.calls).toEqual(["example.test"]);
    expect(received).toEqual([
      expect.objectContaining({
        method: "POST",
        url: "/ok",
        body: '{"text":"hi"}',
        headers: expect.objectContaining({
          host: `example.test:${port}`,
          "content-type": "application/json",
          "user-agent": "hookbell-test",
          "content-length": "13",
        }),
      }),
    ]);
  });

  it("returns error statuses and empty bodies as responses", async () => {
    const guarded = createGuardedFetch({ lookup: fakeLookup("127.0.0.1"), allowPrivate: true });
    const limited = await guarded(url("/rate-limited"), { method: "POST", body: "x" });
    expect([limited.ok, limited.status, limited.statusText]).toEqual([false, 429, "Too Many Requests"]);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(await limited.text()).toBe("rate_limited");
    const empty = await guarded(url("/empty"));
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });

  it("never follows a redirect, and rejects one when redirect is 'error'", async () => {
    const guarded = createGuardedFetch({ lookup: fakeLookup("127.0.0.1"), allowPrivate: true });
    const response = await guarded(url("/redirect"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ok");
    expect(received).toHaveLength(1);
    const error = await guarded(url("/redirect"), { redirect: "error" }).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(received).toHaveLength(2);
  });

  it("rejects with the signal's reason when aborted", async () => {
    const guarded = createGuardedFetch({ lookup: fakeLookup("127.0.0.1"), allowPrivate: true });
    const started = Date.now();
    await expect(guarded(url("/slow"), { signal: AbortSignal.timeout(150) })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(received).toHaveLength(1);

    const controller = new AbortController();
    controller.abort(new Error("stopped"));
    await expect(guarded(url("/ok"), { signal: controller.signal })).rejects.toThrow("stopped");
    expect(received).toHaveLength(1);
  });

  it("works as the fetch of @slack/webhook's IncomingWebhook", async () => {
    const guarded = createGuardedFetch({ lookup: fakeLookup("127.0.0.1"), allowPrivate: true });
    const webhook = new IncomingWebhook(url("/services/T1/B1/secret"), { fetch: guarded, timeout: 5_000 });
    const result = await webhook.send({ text: "hello" });
    expect(result.text).toBe('ok {"text":"hello"}');
    expect(received[0]).toMatchObject({ method: "POST", url: "/services/T1/B1/secret", body: '{"text":"hello"}' });

    const strict = new IncomingWebhook(url("/services/T1/B1/secret"), {
      fetch: createGuardedFetch({ lookup: fakeLookup("127.0.0.1") }),
    });
    await expect(strict.send("hello")).rejects.toMatchObject({ original: { code: "EADDRNOTPUBLIC" } });
    expect(received).toHaveLength(1);
  });
});
