/**
 * npm run bench:reader -- [--questions FILE] [--corpus FILE] [--show-failures]
 *
 * Right answers on readers' questions: the news corpus (shared/eval/README.md) is written as a folder
 * of JSON article files, indexed by the live index as the bot opens it (word vectors and sentence
 * model as the settings say), and every question is asked through the same `answer()`. Per kind it
 * prints how many were asked, answered right (the top passage holds the expected answer or is its
 * paragraph), answered wrong and declined, and whether the "not sure" flag separates right from wrong.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LiveIndex } from '../src/app/live-index.js';
import { loadAnswerModels } from '../src/app/open.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { articleIdOf, judgeAnswer, readJsonLines, writeCorpus, type CorpusArticle, type ReaderQuestion } from './reader-data.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';

const USAGE = `usage: npm run bench:reader -- [--questions FILE] [--corpus FILE] [--show-failures]
  --questions FILE   reader questions, one JSON object a line (default ../shared/eval/reader.dev.jsonl)
  --corpus FILE      the news corpus they are about (default ../shared/eval/news-corpus.dev.jsonl)
  --show-failures    print every question answered wrong or declined wrongly, with what was expected and got
  -h, --help         this help`;

interface Tally {
  asked: number;
  right: number;
  wrong: number;
  declined: number;
  flaggedWrong: number;
  flagged: number;
  unflaggedRight: number;
  unflagged: number;
  /** Answers that say they are from another year than asked, or lack the thing asked about (`Answer.mismatch`). */
  noted: number;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '–');

function row(kind: string, t: Tally): string {
  const cells = [
    kind.padEnd(10),
    String(t.asked).padStart(5),
    `${t.right} (${pct(t.right, t.asked)})`.padStart(11),
    `${t.wrong} (${pct(t.wrong, t.asked)})`.padStart(11),
    `${t.declined} (${pct(t.declined, t.asked)})`.padStart(11),
    `${pct(t.flaggedWrong, t.flagged)} of ${t.flagged}`.padStart(12),
    `${pct(t.unflaggedRight, t.unflagged)} of ${t.unflagged}`.padStart(12),
    String(t.noted).padStart(6),
  ];
  return cells.join(' ');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      questions: { type: 'string', default: '../shared/eval/reader.dev.jsonl' },
      corpus: { type: 'string', default: '../shared/eval/news-corpus.dev.jsonl' },
      'show-failures': { type: 'boolean', default: false },
    },
  });
  const questions = readJsonLines<ReaderQuestion>(values.questions);
  const corpus = readJsonLines<CorpusArticle>(values.corpus);

  // Duplicate articles the loader skips are expected in this corpus: only errors are worth a line.
  const log = createLogger({ level: 'error' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-reader-'));
  try {
    writeCorpus(corpus, dir);
    const started = performance.now();
    // As the bot opens its folder (src/app/open.ts), minus the persisted cache and any age limit:
    // the corpus is years old and written afresh each run.
    const live = await LiveIndex.open({ articlesDir: dir, log, ...(await loadAnswerModels(loadConfig(), log)) });
    const index = live.current;
    console.log(
      `${index.articles.length} articles, ${index.documentCount} paragraphs indexed in ${Math.round(performance.now() - started)} ms; ${questions.length} questions`,
    );
    console.log(
      'path: article files read, cleaned, deduplicated and indexed as the bot does, asked through answer() in this process (no persisted cache, no process start)',
    );

    const tallies = new Map<string, Tally>();
    const failures: string[] = [];
    const askStarted = performance.now();
    for (const q of questions) {
      const a = live.ask(q.q);
      const outcome = judgeAnswer(q, a);
      // Questions in other languages are also counted per language, the goal being over all of them.
      const rows = q.kind === 'crosslang' ? [q.kind, `  ${a.language ?? '?'}`, 'all'] : [q.kind, 'all'];
      for (const kind of rows) {
        let t = tallies.get(kind);
        if (!t)
          tallies.set(
            kind,
            (t = { asked: 0, right: 0, wrong: 0, declined: 0, flaggedWrong: 0, flagged: 0, unflaggedRight: 0, unflagged: 0, noted: 0 }),
          );
        t.asked++;
        t[outcome]++;
        if (outcome === 'declined') continue;
        if (a.mismatch) t.noted++;
        if (a.tentative) {
          t.flagged++;
          if (outcome === 'wrong') t.flaggedWrong++;
        } else {
          t.unflagged++;
          if (outcome === 'right') t.unflaggedRight++;
        }
      }
      const failed = q.kind === 'absent' ? outcome !== 'declined' : outcome !== 'right';
      if (failed) {
        const top = a.passages[0];
        const got = top
          ? `${a.tentative ? '(not sure) ' : ''}${a.mismatch ? `(${a.mismatch.kind === 'event' ? `nothing on “${a.mismatch.asked}”` : `not from ${a.mismatch.asked}`}: ${a.mismatch.shown}) ` : ''}[${articleIdOf(top.article.file)} #${top.paragraph.index}] ${top.text}`
          : `declined (${a.reason})`;
        failures.push(
          `[${q.kind}] ${q.q}\n  expected: ${q.answer === null ? 'a decline' : `"${q.answer}" (${q.article} #${q.para})`}\n  got:      ${got}`,
        );
      }
    }
    const msPerQuestion = (performance.now() - askStarted) / (questions.length || 1);
    await live.close();

    console.log(
      `\n${'kind'.padEnd(10)} ${'asked'.padStart(5)} ${'right'.padStart(11)} ${'wrong'.padStart(11)} ${'declined'.padStart(11)} ${'sure? wrong'.padStart(12)} ${'sure: right'.padStart(12)} ${'noted'.padStart(6)}`,
    );
    // A cross-language question's reply language sits under it, whichever it is (an "en" row: read as English).
    const languages = [...tallies.keys()].filter((k) => k.startsWith('  ')).sort();
    const order = ['reader', 'typo', 'keywords', 'crosslang', ...languages, 'absent'];
    const kinds = [...order.filter((k) => tallies.has(k)), ...[...tallies.keys()].filter((k) => !order.includes(k) && k !== 'all'), 'all'];
    for (const kind of kinds) if (tallies.has(kind)) console.log(row(kind, tallies.get(kind)!));
    const absent = tallies.get('absent');
    if (absent) console.log(`\nabsent declined: ${pct(absent.declined, absent.asked)} of ${absent.asked}`);
    const english = ['reader', 'typo', 'keywords'].map((k) => tallies.get(k)).filter((t): t is Tally => t !== undefined);
    const sum = (f: (t: Tally) => number) => english.reduce((s, t) => s + f(t), 0);
    console.log(
      `English (reader, typo, keywords): right ${pct(
        sum((t) => t.right),
        sum((t) => t.asked),
      )}, wrong ${pct(
        sum((t) => t.wrong),
        sum((t) => t.asked),
      )}`,
    );
    const all = tallies.get('all')!;
    console.log(
      `"not sure": ${pct(all.flaggedWrong, all.flagged)} of ${all.flagged} flagged answers wrong; ${pct(all.unflaggedRight, all.unflagged)} of ${all.unflagged} unflagged answers right`,
    );
    console.log(`${msPerQuestion.toFixed(1)} ms per question`);
    console.log(
      '("sure? wrong": of the answers flagged "not sure", the share wrong; "sure: right": of the unflagged, the share right; "noted": answers that say they are from another year than asked or lack the thing asked about, "this year" and "now" read against today)',
    );
    if (values['show-failures']) console.log(`\n${failures.length} failures:\n\n${failures.join('\n\n')}`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runCli(main);
