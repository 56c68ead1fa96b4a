import path from "node:path";

/** `file:./data/x.db` or `file:/abs/x.db` → absolute path, resolved against the working directory. */
export function sqliteFilePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(raw);
}
