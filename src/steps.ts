/**
 * Work that stops every so often (`yield`) so a caller on a busy thread can let other work run
 * between steps (the live reload does); `runSteps` runs it straight through.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
