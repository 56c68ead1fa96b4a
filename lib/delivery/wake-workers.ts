// Ingest wakes the in-process worker the moment it commits work, so an idle queue never waits for a poll.
// Next's route bundles and the custom server load separate copies of this module; globalThis joins them.
const registry = globalThis as unknown as { hookbellWakeListeners?: Set<() => void> };

function listeners(): Set<() => void> {
  registry.hookbellWakeListeners ??= new Set();
  return registry.hookbellWakeListeners;
}

export function wakeWorkers(): void {
  for (const listener of listeners()) listener();
}

export function onWake(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
