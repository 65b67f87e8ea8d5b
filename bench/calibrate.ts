/**
 * npm run bench:calibrate -- [--eval DIR] [--reader FILE …] [--folds K] [--weights] [--sentence]
 *
 * With the answer models as the settings give them: the shipped default weights were fitted with
 * word vectors on and no sentence model; --sentence turns the sentence model on and fits the
 * weights `answer()` applies with it (the same features and its similarity).
 *
 * Fits the calibrated confidence of `src/search/calibrate.ts` and says how it does on questions it
 * was not fitted on. Samples (English questions, each with the best passage's features and whether
 * that passage answers): the reader questions over the news corpus (the absent ones never answer),
 * (the shared set, or the --reader files together, over one corpus), and, as `bench:quality --abstain` sets them up, XQuAD English and RealTime QA with half the articles
 * indexed (questions about the other half never answer). A logistic regression is fitted k times,
 * each time without one fold of articles, and scores that fold; the curve of right, wrong and
 * declined answers and "not sure" at several bars is printed from those held-out scores only.
 * --weights prints the weights fitted on all samples, for `calibrate.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LiveIndex } from '../src/app/live-index.js';
import { loadAnswerModels, type AnswerModels } from '../src/app/open.js';
import { dedupeParagraphs } from '../src/articles/dedupe.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { AMOUNT_DECLINE_BELOW, explainAnswer, MIN_CONFIDENCE, saysUnsure } from '../src/search/answer.js';
import {
  calibrated,
  DEFAULT_CALIBRATION,
  FEATURE_NAMES,
  SENTENCE_CALIBRATION,
  SENTENCE_FEATURE_NAMES,
  type ConfidenceFeatures,
} from '../src/search/calibrate.js';
import { SearchIndex } from '../src/search/index.js';
import { readQuestion } from '../src/search/question.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { loadQaSet } from './data.js';
import { judge, textKeys } from './judge.js';
import { judgeAnswer, readJsonLines, writeCorpus, type CorpusArticle, type ReaderQuestion } from './reader-data.js';

const USAGE = `usage: npm run bench:calibrate -- [--eval DIR] [--reader FILE …] [--folds K] [--weights]
  --eval DIR   the evaluation sets (default ../shared/eval: reader.dev.jsonl, news-corpus.dev.jsonl,
               xquad.en.dev.jsonl, realtimeqa.en.dev.jsonl)
  --reader FILE  reader questions over the corpus, repeatable (default the eval's reader.dev.jsonl);
               several files weigh as one set in the fit, their articles split into folds together
  --corpus FILE  the corpus the reader questions ask about (default the eval's news-corpus.dev.jsonl)
  --folds K    held-out folds, split by article (default 5)
  --weights    also print the weights fitted on every sample, as calibrate.ts takes them
  --sentence   with the sentence model on (as SENTENCE_MODEL=on): its similarity is a feature too
  --weigh S=X,…  a set's weight in the fit (default 1 each: every set weighs the same, whatever its size)
  --ridge X    the ridge on standardized weights (default 300: the held-out curve was best there of 0.1-300)
  --decline/--unsure X,…  the bars the curve is printed at
  --floor X    the conviction's bar under the model's in the curve (default MIN_CONFIDENCE, as answer() has it)
  --shipped    the curve and AUC from the weights calibrate.ts ships instead of the held-out fits (held out
               only for questions they were not fitted on, such as a new reader file)
  --dump FILE  every sample's features, outcome and held-out score, one JSON line each
  -h, --help   this help`;

/** One question's best passage: its features, whether it answers, which set and which fold. */
interface Sample {
  /** The set it comes from: a QA set, "reader", or with several reader files "reader:" and the file's name. */
  set: string;
  /** The set it weighs in the fit as (every reader file as one). */
  weighs: string;
  /** The question, and whether it asks for an amount (an amount missing declines below AMOUNT_DECLINE_BELOW). */
  q: string;
  amount: boolean;
  /** Declined by `answer()` whatever the bars, for a year or thing asked that the best article is not about (reader questions only). */
  noted: boolean;
  /** A question about news not indexed (it should be declined). */
  absent: boolean;
  right: boolean;
  group: string;
  x: number[];
}

/** The features fitted: the default ones, and the sentence model's similarity with --sentence. */
let names: ReadonlyArray<keyof ConfidenceFeatures> = FEATURE_NAMES;
const vector = (f: ConfidenceFeatures) => names.map((n) => f[n]);

/**
 * The reader questions asked over the corpus as the bot opens its folder; English kinds and absent
 * ones. With one file its samples are the set "reader"; with several each file is its own set in the
 * curve ("reader:" and its name) and its absent questions their own groups.
 */
async function readerSamples(files: readonly string[], corpusFile: string, models: AnswerModels): Promise<Sample[]> {
  const corpus = readJsonLines<CorpusArticle>(corpusFile);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-calibrate-'));
  try {
    writeCorpus(corpus, folder);
    const live = await LiveIndex.open({ articlesDir: folder, log: createLogger({ level: 'error' }), ...models });
    const out: Sample[] = [];
    for (const file of files) {
      const set = files.length === 1 ? 'reader' : `reader:${path.basename(file).replace(/\.jsonl$/, '')}`;
      const questions = readJsonLines<ReaderQuestion>(file).filter((q) => q.kind !== 'crosslang');
      questions.forEach((q, i) => {
        const { answer, features } = explainAnswer(live.current, q.q, { ...models, minConfidence: 0 });
        if (!features) return;
        const shipped = explainAnswer(live.current, q.q, models).answer;
        out.push({
          set,
          weighs: 'reader',
          q: q.q,
          amount: asksAmount(live.current, q.q, models),
          noted: shipped.mismatch !== undefined && shipped.passages.length === 0,
          absent: q.article === null,
          right: judgeAnswer(q, answer) === 'right',
          group: q.article ?? `absent${i}`,
          x: vector(features),
        });
      });
    }
    await live.close();
    return out;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Whether the question asks for an amount, as `answer()` reads it. */
function asksAmount(index: SearchIndex, question: string, models: AnswerModels): boolean {
  const q = readQuestion(index, question, models);
  return !('reply' in q) && q.fit.kind === 'number';
}

/** A QA set with its even articles indexed, as `bench:quality --abstain` has it. */
function abstentionSamples(file: string, name: string, models: AnswerModels): Sample[] {
  const set = loadQaSet(file);
  const inside = new Set(set.articles.filter((_, i) => i % 2 === 0).map((a) => a.id));
  const { articles } = dedupeParagraphs(set.articles.filter((a) => inside.has(a.id)));
  const index = SearchIndex.build(articles);
  const keyOf = textKeys(set.articles);
  const right = judge(keyOf);
  const indexedText = new Set(articles.flatMap((a) => a.paragraphs.map((p) => keyOf(a.id, p.index))));
  const out: Sample[] = [];
  for (const q of set.questions) {
    const { answer, features } = explainAnswer(index, q.q, { ...models, minConfidence: 0 });
    if (!features) continue;
    const absent = !inside.has(q.articleId) && !indexedText.has(keyOf(q.articleId, q.para));
    const top = answer.passages[0];
    const hit = top && { articleId: top.article.id, para: top.paragraph.index };
    out.push({
      set: name,
      weighs: name,
      q: q.q,
      amount: asksAmount(index, q.q, models),
      noted: false,
      absent,
      right: !absent && right(hit, q),
      group: q.articleId,
      x: vector(features),
    });
  }
  return out;
}

/** A stable fold for a group name. */
function foldOf(group: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}

interface Model {
  bias: number;
  weights: number[];
}

/**
 * Weighted logistic regression by Newton's method on standardized features with a small ridge
 * (so a feature that never varies in a fold gets weight 0), returned on the features' own scale.
 */
export function fitLogistic(xs: readonly number[][], ys: readonly number[], ws: readonly number[], ridge: number): Model {
  const d = xs[0]!.length;
  const wsum = ws.reduce((s, w) => s + w, 0);
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x, i) => s + ws[i]! * x[j]!, 0) / wsum);
  const sd = mean.map((m, j) => Math.sqrt(xs.reduce((s, x, i) => s + ws[i]! * (x[j]! - m) ** 2, 0) / wsum) || 1);
  const z = xs.map((x) => [1, ...x.map((v, j) => (v - mean[j]!) / sd[j]!)]);
  let beta = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * beta[j]!, 0)));
      const w = ws[i]!;
      for (let a = 0; a <= d; a++) {
        grad[a]! += w * (ys[i]! - p) * row[a]!;
        for (let b = 0; b <= d; b++) hess[a]![b]! += w * p * (1 - p) * row[a]! * row[b]!;
      }
    });
    for (let a = 1; a <= d; a++) {
      grad[a]! -= ridge * beta[a]!;
      hess[a]![a]! += ridge;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const weights = beta.slice(1).map((b, j) => b / sd[j]!);
  return { bias: beta[0]! - weights.reduce((s, w, j) => s + w * mean[j]!, 0), weights };
}

/** Gaussian elimination with partial pivoting: a · x = b. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

const predict = (m: Model, x: readonly number[]) => 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * m.weights[j]!, m.bias)));

/** Each set weighs as much in the fit as the others together divided evenly, whatever its size. */
function sampleWeights(samples: readonly Sample[], extra: ReadonlyMap<string, number>): number[] {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.weighs, (counts.get(s.weighs) ?? 0) + 1);
  return samples.map((s) => ((extra.get(s.weighs) ?? 1) * samples.length) / counts.size / counts.get(s.weighs)!);
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '–');

const at = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
/** The conviction's bar, a floor under the model's (--floor, to study others). */
let floor = MIN_CONFIDENCE;
/**
 * As `answer()` decides: below the conviction's floor or the model's bar, an amount asked that the
 * paragraph lacks below AMOUNT_DECLINE_BELOW, or a year or thing asked that the article is not about.
 */
const declines = (s: Sample, p: number, bar: number) =>
  s.x[at('conviction')]! < floor || p < bar || (s.amount && s.x[at('kindMissing')] === 1 && p < AMOUNT_DECLINE_BELOW) || s.noted;
/** "Not sure" as `answer()` says it (see `saysUnsure`), at the model's bar `bar`. */
const unsure = (x: readonly number[], p: number, bar: number) =>
  saysUnsure({ conviction: x[at('conviction')]!, probability: p, unsureBelow: bar, overridden: x[at('overridden')] === 1, margin: x[at('margin')]! });

/** The curve on held-out scores: per set, at each decline bar and "not sure" bar. */
function printCurve(samples: readonly Sample[], scores: readonly number[], declineBars: number[], unsureBars: number[]): void {
  const sets = [...new Set(samples.map((s) => s.set))];
  for (const set of sets) {
    const mine = samples.map((s, i) => ({ s, p: scores[i]! })).filter((e) => e.s.set === set);
    const answerable = mine.filter((e) => !e.s.absent);
    const absent = mine.filter((e) => e.s.absent);
    const rightAll = answerable.filter((e) => e.s.right).length;
    console.log(
      `\n## ${set}: ${mine.length} questions (${absent.length} about news not indexed); best passage right for ${rightAll} of ${answerable.length} answerable`,
    );
    console.log(
      'decline<  unsure<   right kept   wrong answered   declined(answerable)   absent declined   flagged wrong   unflagged right  right flagged',
    );
    for (const d of declineBars)
      for (const u of unsureBars) {
        const answered = mine.filter((e) => !declines(e.s, e.p, d));
        const right = answered.filter((e) => e.s.right).length;
        const wrong = answered.length - right;
        const absentDeclined = absent.filter((e) => declines(e.s, e.p, d)).length;
        const flagged = answered.filter((e) => unsure(e.s.x, e.p, u));
        const unflagged = answered.filter((e) => !unsure(e.s.x, e.p, u));
        console.log(
          [
            d.toFixed(2).padEnd(9),
            u.toFixed(2).padEnd(8),
            `${right}/${rightAll} (${pct(right, rightAll)})`.padStart(14),
            `${wrong}/${mine.length} (${pct(wrong, mine.length)})`.padStart(16),
            `${answerable.filter((e) => declines(e.s, e.p, d)).length}`.padStart(22),
            `${absentDeclined}/${absent.length} (${pct(absentDeclined, absent.length)})`.padStart(17),
            `${pct(flagged.filter((e) => !e.s.right).length, flagged.length)} of ${flagged.length}`.padStart(15),
            `${pct(unflagged.filter((e) => e.s.right).length, unflagged.length)} of ${unflagged.length}`.padStart(17),
            pct(flagged.filter((e) => e.s.right).length, right).padStart(14),
          ].join(' '),
        );
      }
  }
}

/** The rank statistic: how often a right answer scores above a wrong one. */
function auc(samples: readonly Sample[], scores: readonly number[]): number {
  const pos = scores.filter((_, i) => samples[i]!.right);
  const neg = scores.filter((_, i) => !samples[i]!.right);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length || 1);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      eval: { type: 'string', default: '../shared/eval' },
      reader: { type: 'string', multiple: true },
      corpus: { type: 'string' },
      folds: { type: 'string', default: '5' },
      weights: { type: 'boolean', default: false },
      sentence: { type: 'boolean', default: false },
      weigh: { type: 'string', default: '' },
      ridge: { type: 'string', default: '300' },
      dump: { type: 'string' },
      floor: { type: 'string' },
      shipped: { type: 'boolean', default: false },
      decline: { type: 'string', default: '0,0.15,0.2,0.25,0.3' },
      unsure: { type: 'string', default: '0.3,0.35,0.4' },
    },
  });
  const k = Math.max(2, Number(values.folds));
  const config = loadConfig();
  if (values.sentence) names = SENTENCE_FEATURE_NAMES;
  const models = await loadAnswerModels({ ...config, sentenceModel: values.sentence || config.sentenceModel }, createLogger({ level: 'warn' }));
  if (Boolean(models.sentences) !== values.sentence)
    throw new Error('the sentence model is on exactly with --sentence (SENTENCE_MODEL=on needs --sentence)');
  const samples = [
    ...(await readerSamples(
      values.reader ?? [path.join(values.eval, 'reader.dev.jsonl')],
      values.corpus ?? path.join(values.eval, 'news-corpus.dev.jsonl'),
      models,
    )),
    ...abstentionSamples(path.join(values.eval, 'xquad.en.dev.jsonl'), 'xquad.en', models),
    ...abstentionSamples(path.join(values.eval, 'realtimeqa.en.dev.jsonl'), 'realtimeqa.en', models),
  ];
  const extra = new Map(
    values.weigh
      .split(',')
      .filter((w) => w.includes('='))
      .map((w) => [w.split('=')[0]!, Number(w.split('=')[1])] as const),
  );
  const ws = sampleWeights(samples, extra);
  const ridge = Number(values.ridge);
  const ys = samples.map((s) => (s.right ? 1 : 0));
  const scores = new Array<number>(samples.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = samples.map((s, i) => i).filter((i) => foldOf(samples[i]!.weighs + samples[i]!.group, k) !== f);
    const model = fitLogistic(
      train.map((i) => samples[i]!.x),
      train.map((i) => ys[i]!),
      train.map((i) => ws[i]!),
      ridge,
    );
    samples.forEach((s, i) => {
      if (foldOf(s.weighs + s.group, k) === f) scores[i] = predict(model, s.x);
    });
  }
  if (values.floor !== undefined) floor = Number(values.floor);
  if (values.shipped) {
    const model = values.sentence ? SENTENCE_CALIBRATION : DEFAULT_CALIBRATION;
    samples.forEach((s, i) => (scores[i] = calibrated(Object.fromEntries(names.map((n, j) => [n, s.x[j]])) as unknown as ConfidenceFeatures, model)));
  }
  console.log(
    `${samples.length} samples, ${k} folds by article; ${values.shipped ? 'the shipped weights' : 'held-out'} AUC (right above wrong): ${auc(samples, scores).toFixed(3)}`,
  );
  for (const set of new Set(samples.map((s) => s.set))) {
    const idx = samples.map((s, i) => i).filter((i) => samples[i]!.set === set);
    console.log(
      `  ${set}: ${auc(
        idx.map((i) => samples[i]!),
        idx.map((i) => scores[i]!),
      ).toFixed(3)}`,
    );
  }
  if (values.dump) writeFileSync(values.dump, samples.map((s, i) => JSON.stringify({ ...s, p: scores[i] })).join('\n'));
  const bars = (s: string) => s.split(',').map(Number);
  printCurve(samples, scores, bars(values.decline), bars(values.unsure));
  if (values.weights) {
    const all = fitLogistic(
      samples.map((s) => s.x),
      ys,
      ws,
      ridge,
    );
    console.log(`\nall samples: BIAS = ${all.bias.toFixed(3)}`);
    names.forEach((n, j) => console.log(`  ${n}: ${all.weights[j]!.toFixed(3)},`));
  }
  return 0;
}

runCli(main);
