import { describe, expect, it } from 'vitest';
import { answer, explainAnswer } from '../../src/search/answer.js';
import { calibrated, DEFAULT_CALIBRATION, SENTENCE_CALIBRATION } from '../../src/search/calibrate.js';
import { SearchIndex } from '../../src/search/index.js';
import { rerankBySentence, similarityOf } from '../../src/search/sentences.js';
import type { SentenceModel } from '../../src/search/types.js';
import { NEWS } from './fixture.js';
import { realVectors } from './vectors.js';

// With the sentence model on (SENTENCE_MODEL=on) the calibrated confidence applies too, with its own
// weights; a stand-in model keeps the real one out of the tests.
const vectors = await realVectors();
const index = SearchIndex.build(NEWS);

/** A model that finds `question` this close (cosine) to every paragraph it reads, counting the texts it reads. */
function closeness(question: string, cosine: number): SentenceModel & { texts: number } {
  const model = {
    texts: 0,
    embed: (texts: readonly string[]) => {
      model.texts += texts.length;
      return texts.map((t) => (t === question ? Float32Array.from([1, 0]) : Float32Array.from([cosine, Math.sqrt(1 - cosine * cosine)])));
    },
  };
  return model;
}

describe('the calibrated confidence with the sentence model on', () => {
  it('is given, from the weights fitted with the model', () => {
    const q = 'How much will the tram line cost?';
    const model = closeness(q, 0.5);
    const explained = explainAnswer(index, q, { vectors, sentences: model });
    expect(explained.answer.confidence).toBeDefined();
    expect(explained.answer.confidence).toBeCloseTo(calibrated(explained.features!, SENTENCE_CALIBRATION), 3);
  });

  it('declines a question about something the folder does not say, which the conviction alone would answer', () => {
    const q = 'How many people live in Riverton?';
    const model = closeness(q, 0.5);
    expect(answer(index, q, { vectors, sentences: model, minConfidence: 0.22 }).passages.length).toBeGreaterThan(0);
    expect(answer(index, q, { vectors, sentences: model }).reason).toBe('not-found');
  });

  it('reads the similarity as evidence: the same passage is likelier to answer the closer the model finds it', () => {
    const q = 'How much will the tram line cost?';
    const explained = (cosine: number) => explainAnswer(index, q, { vectors, sentences: closeness(q, cosine) });
    // Its neutral point, as in the conviction: 0.5.
    expect(explained(0.9).features!.sentence).toBeCloseTo(0.4, 6);
    expect(explained(0.9).answer.confidence!).toBeGreaterThan(explained(0.6).answer.confidence!);
  });

  it('leaves the default model as it was: it does not read the similarity', () => {
    const { features } = explainAnswer(index, 'How much will the tram line cost?', { vectors });
    expect(features!.sentence).toBe(0);
    expect(calibrated({ ...features!, sentence: 1 }, DEFAULT_CALIBRATION)).toBe(calibrated(features!));
    expect(calibrated({ ...features!, sentence: 1 }, SENTENCE_CALIBRATION)).toBeGreaterThan(calibrated(features!, SENTENCE_CALIBRATION));
  });
});

describe('the similarity of a paragraph the rerank did not read', () => {
  it('is read then, against the question as already embedded', () => {
    const model = closeness('q', 0.6);
    const read = rerankBySentence(model, 'q', [{ doc: 0, score: 1 }], () => 'a paragraph')!;
    const before = model.texts;
    expect(similarityOf(model, read, 0, () => 'a paragraph')).toBeCloseTo(0.6, 6);
    expect(model.texts).toBe(before);
    expect(similarityOf(model, read, 7, () => 'another paragraph')).toBeCloseTo(0.6, 6);
    expect(model.texts).toBe(before + 1);
  });
});
