import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, getEnv, parseEnv, resetEnvForTests } from "./env";

function envError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv defaults", () => {
  it("uses a SQLite file in ./data, port 3000 and a localhost APP_URL when nothing is set", () => {
    const env = parseEnv({});
    const dataDir = path.resolve("./data");
    expect(env).toMatchObject({
      NODE_ENV: "production",
      HOOKBELL_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "hookbell.db")}`,
      databaseProvider: "sqlite",
      HOST: "0.0.0.0",
      PORT: 3000,
      APP_URL: "http://localhost:3000",
      HOOKBELL_REJECTED_LOG_LIMIT: 1000,
    });
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
  });

  it("puts the default SQLite file in HOOKBELL_DATA_DIR, resolved to an absolute path", () => {
    const env = parseEnv({ HOOKBELL_DATA_DIR: "relative/store" });
    expect(env.HOOKBELL_DATA_DIR).toBe(path.resolve("relative/store"));
    expect(env.DATABASE_URL).toBe(`file:${path.resolve("relative/store", "hookbell.db")}`);
  });

  it("derives the default APP_URL from PORT", () => {
    expect(parseEnv({ PORT: "8080" })).toMatchObject({ PORT: 8080, APP_URL: "http://localhost:8080" });
  });

  it("trims trailing slashes from APP_URL", () => {
    expect(parseEnv({ APP_URL: "https://hooks.example.com/" }).APP_URL).toBe("https://hooks.example.com");
    expect(parseEnv({ APP_URL: "https://example.com/hookbell///" }).APP_URL).toBe("https://example.com/hookbell");
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ PORT: "  ", DATABASE_URL: "", APP_URL: " " })).toMatchObject({
      PORT: 3000,
      databaseProvider: "sqlite",
      APP_URL: "http://localhost:3000",
    });
  });
});

describe("parseEnv database provider", () => {
  for (const url of [
    "postgresql://hookbell:pw@db:5432/hookbell",
    "postgres://hookbell@localhost/hookbell?sslmode=require",
  ]) {
    it(`selects PostgreSQL for ${url.split(":")[0]}:// URLs`, () => {
      expect(parseEnv({ DATABASE_URL: url })).toMatchObject({ DATABASE_URL: url, databaseProvider: "postgresql" });
    });
  }

  it("keeps an explicit file: URL as SQLite", () => {
    expect(parseEnv({ DATABASE_URL: "file:./other.db" })).toMatchObject({
      DATABASE_URL: "file:./other.db",
      databaseProvider: "sqlite",
    });
  });
});

describe("parseEnv invalid values", () => {
  const cases: [string, Record<string, string>, string, string?][] = [
    ["a non-numeric PORT", { PORT: "abc" }, "PORT"],
    ["an out-of-range PORT", { PORT: "70000" }, "PORT"],
    [
      "a MySQL DATABASE_URL",
      { DATABASE_URL: "mysql://root@localhost/hookbell" },
      "DATABASE_URL",
      "must start with file: (SQLite) or postgresql://",
    ],
    [
      "a short NEXTAUTH_SECRET",
      { NEXTAUTH_SECRET: "too-short-secret" },
      "NEXTAUTH_SECRET",
      "must be at least 32 characters",
    ],
    ["an APP_URL that is not a URL", { APP_URL: "hookbell dot example" }, "APP_URL", "must be an http(s) URL"],
    ["a non-http APP_URL", { APP_URL: "ftp://files.example.com" }, "APP_URL", "must be an http(s) URL"],
    ["a rejected-log limit below 10", { HOOKBELL_REJECTED_LOG_LIMIT: "5" }, "HOOKBELL_REJECTED_LOG_LIMIT"],
    ["an unknown NODE_ENV", { NODE_ENV: "staging" }, "NODE_ENV"],
  ];
  for (const [label, source, variable, detail] of cases) {
    it(`refuses ${label} with an EnvError naming ${variable}`, () => {
      const error = envError(source);
      expect(error.message).toContain(`- ${variable}: `);
      if (detail) expect(error.message).toContain(detail);
      expect(error.message).toContain("See .env.example");
    });
  }

  it("names every invalid variable at once, and only those", () => {
    const { message } = envError({ PORT: "abc", NEXTAUTH_SECRET: "short", HOST: "example.com" });
    expect(message).toContain("- PORT: ");
    expect(message).toContain("- NEXTAUTH_SECRET: ");
    expect(message).not.toContain("HOST");
  });

  it("does not echo a refused secret's value", () => {
    expect(envError({ NEXTAUTH_SECRET: "hunter2-hunter2" }).message).not.toContain("hunter2");
  });
});

describe("getEnv", () => {
  const saved = process.env.PORT;
  afterEach(() => {
    if (saved === undefined) delete process.env.PORT;
    else process.env.PORT = saved;
    resetEnvForTests();
  });

  it("reads process.env once, and again after resetEnvForTests", () => {
    process.env.PORT = "4100";
    resetEnvForTests();
    const first = getEnv();
    expect(first.PORT).toBe(4100);
    process.env.PORT = "4200";
    expect(getEnv()).toBe(first);
    resetEnvForTests();
    expect(getEnv().PORT).toBe(4200);
  });
});

describe("front-end limits for slow clients", () => {
  it("gives one address a tenth of the ingest slots by default, with 10 s for headers and 30 s for a body", () => {
    expect(parseEnv({})).toMatchObject({
      HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: 100,
      HOOKBELL_HEADERS_TIMEOUT_SECONDS: 10,
      HOOKBELL_BODY_TIMEOUT_SECONDS: 30,
    });
    expect(parseEnv({ HOOKBELL_INGEST_MAX_IN_FLIGHT: "5" }).HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS).toBe(1);
    expect(parseEnv({ HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: "7" }).HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS).toBe(
      7,
    );
  });

  it("refuses a per-address cap above the process-wide one, naming both", () => {
    const error = envError({ HOOKBELL_INGEST_MAX_IN_FLIGHT: "50", HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: "60" });
    expect(error.message).toContain(
      "HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: must be at most HOOKBELL_INGEST_MAX_IN_FLIGHT (50)",
    );
  });
});
