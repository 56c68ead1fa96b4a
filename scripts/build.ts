// `npm run build`: a release built once beforehand. scripts/start.mjs has compiled the server and the worker
// beside this file; the dashboard is built as `npm start` would build it (only when its sources changed).
import { createLogger } from "../lib/logging/create-logger";
import { buildIfNeeded } from "../lib/server/build-if-needed";

buildIfNeeded(process.cwd(), createLogger("build"));
