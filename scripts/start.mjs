// `npm start` and `npm run worker`: compiles the entry (server.ts or scripts/worker.ts) and the local modules it
// imports into one JavaScript file under .hookbell/, then runs it in this process. Packages stay in
// node_modules. Running compiled code, not TypeScript through tsx, leaves out tsx's loader thread, which
// would run in this process and again in each of its threads: about 120 MB less memory, idle.
//
// Plain JavaScript on purpose: this file runs before anything can compile TypeScript.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

// Its threads' modules are compiled beside the server, under their own names (lib/start-thread.ts).
const SERVER = {
  server: "server.ts",
  "next-thread": "lib/server/next-thread.ts",
  "sqlite-writer-thread": "lib/ingest/sqlite-writer-thread.ts",
  "render-thread": "lib/templates/render-thread.ts",
};
const WORKER = { worker: "scripts/worker.ts", "render-thread": "lib/templates/render-thread.ts" };
const ENTRIES = {
  server: SERVER,
  worker: WORKER,
  // `npm run build`: everything compiled, and the dashboard built, once per release (see docs/deploy.md).
  build: { ...SERVER, ...WORKER, build: "scripts/build.ts" },
};

const name = process.argv[2] ?? "server";
const entries = ENTRIES[name];
if (!entries) {
  console.error(`[hookbell] usage: node scripts/start.mjs ${Object.keys(ENTRIES).join("|")}`);
  process.exit(2);
}

const root = process.cwd();
const outdir = path.join(root, ".hookbell");
const result = await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  sourcemap: "linked",
  sourcesContent: false,
  write: false,
  logLevel: "error",
});
// esbuild compiles in a child process of its own; it is not needed again.
await stop();
mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) writeIfChanged(file.path, file.contents);

// Stack traces name the TypeScript sources.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(outdir, `${name}.mjs`)).href);

/**
 * Several processes may start at once from the same folder (a worker beside the server, parallel tests): each
 * file is replaced whole (write, then rename), never rewritten in place under a process importing it.
 */
function writeIfChanged(file, contents) {
  try {
    if (Buffer.from(contents).equals(readFileSync(file))) return;
  } catch {
    // Not written yet.
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
