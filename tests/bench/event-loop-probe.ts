import { percentile } from "./stats";

export interface EventLoopFigures {
  /** The longest time between two ticks: the worst wait a request arriving meanwhile would see. */
  maxGapMs: number;
  /** When that gap ended, from the start of the probe: tells the start, the middle and the end apart. */
  maxGapAtMs: number;
  /**
   * The stretch from the start to the first tick: whatever the work does before it first awaits
   * a macrotask (for an export: opening the reader and the first batch).
   */
  firstGapMs: number;
  /** The longest gap after that one: the steady state. NaN if no tick came before the end. */
  maxLaterGapMs: number;
  p99GapMs: number;
  ticks: number;
}

/** The ticker's period: Node's shortest timer, so a gap overstates the blocking by at most ~1 ms. */
const TICK_MS = 1;

/**
 * Measures how long the event loop is held while some in-process work runs, the way a server
 * would feel it: a 1 ms timer ticks throughout, and each gap between two ticks is as long as the
 * synchronous stretch it waited behind (plus up to one period). Start it before the work's first
 * synchronous call, so that call is measured too; the first gap runs from the start.
 */
export function startEventLoopProbe(): { stop(): EventLoopFigures } {
  const started = performance.now();
  const gaps: number[] = [];
  let last = started;
  let maxGapMs = 0;
  let maxGapAtMs = 0;
  const record = () => {
    const now = performance.now();
    const gap = now - last;
    gaps.push(gap);
    if (gap > maxGapMs) {
      maxGapMs = gap;
      maxGapAtMs = now - started;
    }
    last = now;
  };
  const timer = setInterval(record, TICK_MS);
  let figures: EventLoopFigures | null = null;
  return {
    /** Ends the probe; later calls return the same figures (so a `finally` may call it again). */
    stop() {
      if (figures) return figures;
      clearInterval(timer);
      // The stretch since the last tick counts too: the work may have ended on a long block.
      record();
      const later = gaps.slice(1);
      figures = {
        maxGapMs,
        maxGapAtMs,
        firstGapMs: gaps[0] ?? Number.NaN,
        maxLaterGapMs: later.length > 0 ? later.reduce((longest, gap) => Math.max(longest, gap)) : Number.NaN,
        p99GapMs: percentile(gaps, 99),
        ticks: gaps.length,
      };
      return figures;
    },
  };
}
