import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Steps } from '../steps.js';

/**
 * Long work on the thread that answers, cut into slices: `pause()` lets waiting questions (and any
 * other I/O) run once the current slice has taken SLICE_MS, so a reload never holds them up for long.
 */
export class Slices {
  private since = performance.now();

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** Gives way if this slice has run its time; call it between small steps. */
  async pause(): Promise<void> {
    if (performance.now() - this.since >= this.sliceMs) await this.giveWay();
  }

  /** Runs work written in steps (see `Steps`), pausing between them. */
  async run<T>(steps: Steps<T>): Promise<T> {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await this.pause();
    }
  }

  /** Gives way now: between steps that cannot be cut, so two of them never run back to back. */
  async giveWay(): Promise<void> {
    await nextTurn();
    this.since = performance.now();
  }
}

/** A question waits at most about this long behind one slice of reload work. */
const SLICE_MS = 10;
