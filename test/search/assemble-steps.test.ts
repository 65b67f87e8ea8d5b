import { describe, expect, it } from 'vitest';
import { analyzeArticle, assemble, assembleSteps, SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';

// 1,200 small articles: enough that a live reload must be able to pause inside the assembly.
const many = Array.from({ length: 1_200 }, (_, i) =>
  analyzeArticle(
    article(`a${i}`, `Story ${i} about harbour works`, [`The harbour works number ${i} began on a Monday with ${i % 7} cranes and a new pier.`]),
  ),
);

describe('assembling the index in steps (a live reload answers between them)', () => {
  it('gives way several times over a large folder, not once at the end', () => {
    const steps = assembleSteps(many);
    let pauses = 0;
    while (!steps.next().done) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(3);
  });

  it('builds the same index as assembling in one go', () => {
    const steps = SearchIndex.fromAnalyzedSteps(many);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const inOneGo = assemble(many);
    expect({ ...step.value.data, builtAt: 0 }).toEqual({ ...inOneGo, builtAt: 0 });
  });
});
