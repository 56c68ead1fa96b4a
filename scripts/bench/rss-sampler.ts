import { readdirSync, readFileSync } from "node:fs";

// Resident memory of a server, read from /proc every 200 ms: the process and any children it started.

const INTERVAL_MS = 200;

export type RssSampler = {
  /** Highest total since start (or since the last markPhase). */
  phasePeakMb: () => number;
  /** Starts a new phase window; the overall peak keeps counting. */
  markPhase: () => void;
  overallPeakMb: () => number;
  stop: () => void;
};

export function sampleRss(pid: number): RssSampler {
  let phasePeak = 0;
  let overallPeak = 0;
  const sample = () => {
    const kb = treeRssKb(pid);
    if (kb === null) return;
    phasePeak = Math.max(phasePeak, kb);
    overallPeak = Math.max(overallPeak, kb);
  };
  sample();
  const timer = setInterval(sample, INTERVAL_MS);
  timer.unref();
  return {
    phasePeakMb: () => {
      sample();
      return Math.round(phasePeak / 1024);
    },
    markPhase: () => {
      phasePeak = 0;
      sample();
    },
    overallPeakMb: () => {
      sample();
      return Math.round(overallPeak / 1024);
    },
    stop: () => clearInterval(timer),
  };
}

function treeRssKb(pid: number): number | null {
  const own = rssKb(pid);
  if (own === null) return null;
  return own + childrenOf(pid).reduce((sum, child) => sum + (treeRssKb(child) ?? 0), 0);
}

function rssKb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}
