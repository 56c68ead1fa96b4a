import { execFile } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createBrotliDecompress } from "node:zlib";

/** How to start a browser: the binary, and what its environment needs on top of the test's. */
export type ChromiumLaunch = { executablePath: string; env: Record<string, string> };

export const CHROMIUM_CACHE = path.resolve(import.meta.dirname, "../../node_modules/.cache/hookbell-chromium");

const STALE_UNPACK_MS = 15 * 60_000;

/**
 * Unpacks the Chromium that `npm install` brought (@sparticuz/chromium: brotli files in its bin/ folder)
 * into `cacheRoot/<version>/`, once, and says how to launch it.
 *
 * The package's own executablePath() unpacks into the OS temp folder and treats "the file exists" as
 * "unpacked": a second test process that asks while the first is still writing launches half a binary,
 * and a temp cleaner that removes part of it leaves a browser that never starts again. Here each caller
 * unpacks into a private folder that is renamed into place only when complete (a rename is atomic), so
 * a caller sees either nothing or the whole browser; the first rename wins and the others discard theirs.
 *
 * The build is made for Amazon Linux: besides glibc it needs NSS, NSPR and expat, which a bare Debian 12
 * lacks (libnss3, libnspr4, libexpat1). The package ships those (al2023.tar.br), so the browser always
 * runs with its own copies (LD_LIBRARY_PATH) and behaves the same with or without the system's; its
 * fonts (Open Sans) are added after the system's fonts, which a bare machine does not have either.
 */
export async function unpackChromium(cacheRoot = CHROMIUM_CACHE): Promise<ChromiumLaunch> {
  const { binDir, version } = locatePackage();
  const target = path.join(cacheRoot, version);
  const launch = launchFor(target);
  if (!existsSync(launch.executablePath)) await unpackInto(binDir, version, cacheRoot, target);
  await assertLibrariesResolve(launch);
  return launch;
}

async function unpackInto(binDir: string, version: string, cacheRoot: string, target: string): Promise<void> {
  mkdirSync(cacheRoot, { recursive: true });
  removeStaleUnpacks(cacheRoot);
  const staging = mkdtempSync(path.join(cacheRoot, `.unpack-${version}-`));
  try {
    await Promise.all([
      inflateFile(path.join(binDir, "chromium.br"), path.join(staging, "chromium")),
      // libEGL/libGLESv2 (SwiftShader) sit beside the binary, where Chromium looks for them.
      inflateTar(path.join(binDir, "swiftshader.tar.br"), staging),
      inflateTar(path.join(binDir, "fonts.tar.br"), path.join(staging, "fonts")),
      inflateTar(path.join(binDir, "al2023.tar.br"), path.join(staging, "al2023")),
    ]);
    writeFileSync(path.join(staging, "fonts.conf"), fontConfig(target));
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another process finished first: its copy is complete and identical.
      if (!existsSync(path.join(target, "chromium"))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function locatePackage(): { binDir: string; version: string } {
  const require = createRequire(import.meta.url);
  // The package exports only its code; bin/ and package.json sit two folders above build/cjs/index.cjs.
  const packageDir = path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "../..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { binDir: path.join(packageDir, "bin"), version };
}

function launchFor(target: string): ChromiumLaunch {
  return {
    executablePath: path.join(target, "chromium"),
    env: {
      LD_LIBRARY_PATH: [path.join(target, "al2023", "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
      FONTCONFIG_FILE: path.join(target, "fonts.conf"),
    },
  };
}

/** Leftovers of an unpack that was killed halfway; a live one finishes in well under a minute. */
function removeStaleUnpacks(cacheRoot: string): void {
  for (const name of readdirSync(cacheRoot)) {
    const full = path.join(cacheRoot, name);
    if (name.startsWith(".unpack-") && Date.now() - statSync(full).mtimeMs > STALE_UNPACK_MS) {
      rmSync(full, { recursive: true, force: true });
    }
  }
}

async function inflateFile(source: string, destination: string): Promise<void> {
  await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(destination, { mode: 0o755 }));
}

/** tar (every Linux has it) unpacks what brotli decompressed, so no tar parser needs installing. */
async function inflateTar(source: string, destination: string): Promise<void> {
  mkdirSync(destination, { recursive: true });
  const archive = `${destination}.${path.basename(source, ".br")}`;
  await inflateFile(source, archive);
  try {
    await promisify(execFile)("tar", ["-x", "-f", archive, "-C", destination]);
  } finally {
    rmSync(archive, { force: true });
  }
}

/** The system's font setup when there is one, then the fonts the package brought. */
function fontConfig(target: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(target, "fonts", "fonts")}</dir>
  <cachedir>${path.join(target, "fontconfig-cache")}</cachedir>
</fontconfig>
`;
}

/** Says which libraries are missing, instead of letting Playwright report "browser closed" later. */
async function assertLibrariesResolve(launch: ChromiumLaunch): Promise<void> {
  let output: string;
  try {
    ({ stdout: output } = await promisify(execFile)("ldd", [launch.executablePath], {
      env: { ...process.env, ...launch.env },
    }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // no ldd: let the launch speak
    output = String((error as { stdout?: string }).stdout ?? "");
  }
  const missing = output
    .split("\n")
    .filter((line) => line.includes("not found"))
    .map((line) => line.trim().split(" ")[0]);
  if (missing.length > 0) {
    throw new Error(
      `The Chromium from @sparticuz/chromium needs libraries this machine lacks: ${missing.join(", ")}. ` +
        "Install them, or set CHROMIUM_PATH to a Chromium of your own.",
    );
  }
}
