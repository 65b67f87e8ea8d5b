import { watch, type FSWatcher, promises as fs } from 'node:fs';
import path from 'node:path';
import { listArticleFiles, loadFile, mergeFileResultsSteps, type FileReport, type FileResult, type LoadResult } from '../articles/library.js';
import type { Article, LoadWarning } from '../articles/types.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import { answer } from '../search/answer.js';
import { analyzeArticles, SearchIndex } from '../search/index.js';
import type { PackedArticle } from '../search/packed.js';
import type { Answer, AnswerOptions, SentenceModel } from '../search/types.js';
import type { WordVectors } from '../search/vectors.js';
import { IndexCache, type CachedFile, type Fingerprint } from './cache.js';
import { Slices } from './slices.js';

export interface LiveIndexOptions {
  articlesDir: string;
  /** Where the persisted index lives (INDEX_CACHE_DIR); none: always build from the articles. */
  cacheDir?: string;
  maxAgeDays?: number;
  log: Logger;
  /** Called as files are read and analyzed, for a progress line during long builds. */
  progress?: (done: number, total: number) => void;
  /** English word vectors for matching by meaning (see `search/semantic.ts`); none: by words alone. */
  vectors?: WordVectors;
  /** A sentence model re-reading English questions' best candidates (SENTENCE_MODEL); none: without. */
  sentences?: SentenceModel;
  /** Told when a (re)load fails, whoever started it (watcher, /reload, feeds): the admin alerts. */
  onReloadFailed?: (err: unknown) => void;
  /** Called with a rebuilt index before it is swapped in (tests hold a reload there). */
  beforeSwap?: () => Promise<void> | void;
  /** Called as a save of the persisted index starts, after the swap (tests hold the save there). */
  beforeSave?: () => Promise<void> | void;
}

/** What a (re)load did, for logs and the admin's /reload. */
export interface ReloadSummary {
  articles: number;
  paragraphs: number;
  /** Files read and analyzed again (changed, new); the rest came from memory or the cache. */
  reread: number;
  removed: number;
  ms: number;
  fromCache: boolean;
  warnings: LoadWarning[];
}

/** How long a burst of file events is left to settle before reloading: saves rebuild per write. */
const SETTLE_MS = 100;
/** Answer times kept for the p50/p95 in /stats. */
const LATENCY_WINDOW = 2000;

/**
 * The index the bot answers from, kept up to date with the articles folder. Reloads read only the
 * files whose size or modification time changed, build a new index beside the old one and swap it
 * in at once: questions keep being answered from the old index meanwhile. One reload runs at a time.
 */
export class LiveIndex {
  private index: SearchIndex;
  private files = new Map<string, CachedFile>();
  private fingerprints: Record<string, Fingerprint> = {};
  private reports: FileReport[] = [];
  private lastBuildMs = 0;
  private running: Promise<ReloadSummary> | undefined;
  private again = false;
  private watcher: FSWatcher | undefined;
  private saving: Promise<void> | undefined;
  private nextSave: (() => Promise<void>) | undefined;
  /** How long the last save of the persisted index took. */
  lastSaveMs = 0;
  private settleTimer: NodeJS.Timeout | undefined;
  private answered = 0;
  private latencies: number[] = [];
  warnings: LoadWarning[] = [];
  /** Told after each later (re)load that changed the articles, with the articles now indexed (subscriptions). */
  onChanged: ((articles: readonly Article[]) => void) | undefined;
  /** What the last finished (re)load did. */
  lastReload: ReloadSummary | undefined;
  /** Whether the current index holds anything read from the persisted cache (rather than from the articles). */
  private usesCache = false;
  /** Set when answering failed on an index from the cache: the next reload reads every article again. */
  private distrustCache = false;
  private readonly cache: IndexCache | undefined;
  readonly articlesDir: string;

  private constructor(private readonly options: LiveIndexOptions) {
    this.articlesDir = path.resolve(options.articlesDir);
    this.cache = options.cacheDir ? new IndexCache(options.cacheDir, this.articlesDir) : undefined;
    this.index = SearchIndex.build([]);
  }

  /** Loads the folder (from the persisted index when nothing changed). Throws when the folder is unusable. */
  static async open(options: LiveIndexOptions): Promise<LiveIndex> {
    const live = new LiveIndex(options);
    const leftovers = (await live.cache?.removeLeftovers()) ?? [];
    if (leftovers.length > 0) options.log.warn({ files: leftovers }, 'removed temporary files an interrupted save of the index cache left');
    const summary = await live.reload();
    options.log.info(
      {
        articles: summary.articles,
        paragraphs: summary.paragraphs,
        reread: summary.reread,
        ms: summary.ms,
        fromCache: summary.fromCache,
        warnings: summary.warnings.length,
      },
      'index ready',
    );
    return live;
  }

  /** Whether the index at start came (at least partly) from the persisted cache, not a full rebuild. */
  get fromCache(): boolean {
    return this.usesCache;
  }

  /** The answer models `ask` uses, for matching as answers do elsewhere (subscriptions). */
  get models(): Pick<AnswerOptions, 'vectors' | 'sentences'> {
    return { vectors: this.options.vectors, sentences: this.options.sentences };
  }

  get current(): SearchIndex {
    return this.index;
  }

  /** Per-file results of the last load, for `npm run index`. */
  get fileReports(): readonly FileReport[] {
    return this.reports;
  }

  /**
   * The one `answer()`, on whatever index is current, timed for /stats. When it throws on an index
   * that came from the persisted cache, the cache is suspect: the index is rebuilt from the articles
   * (once; a failure on an index built from the articles is not the cache's doing).
   */
  ask(question: string, options?: AnswerOptions): Answer {
    const started = performance.now();
    let result: Answer;
    try {
      result = answer(this.index, question, { vectors: this.options.vectors, sentences: this.options.sentences, ...options });
    } catch (err) {
      this.rebuildWithoutCache(err);
      throw err;
    }
    this.answered++;
    this.latencies.push(performance.now() - started);
    if (this.latencies.length > LATENCY_WINDOW) this.latencies.splice(0, this.latencies.length - LATENCY_WINDOW);
    return result;
  }

  /** Brings the index up to date with the folder. Concurrent calls share one run (plus one more if asked meanwhile). */
  reload(): Promise<ReloadSummary> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.rebuild()
      .then(
        (s) => {
          if (s.reread > 0 || s.removed > 0) this.onChanged?.(this.index.articles);
          return (this.lastReload = s);
        },
        (err: unknown) => {
          this.options.onReloadFailed?.(err);
          throw err;
        },
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.reload().catch((err: unknown) => this.options.log.error({ err }, 'reload failed'));
        }
      });
    return this.running;
  }

  /** Reloads on every change under the folder, within about a second; returns a stop function. */
  watch(): () => void {
    if (this.watcher) return () => this.unwatch();
    try {
      this.watcher = watch(this.articlesDir, { recursive: true }, () => this.scheduleReload());
      this.watcher.on('error', (err) => this.options.log.warn({ err }, 'watching the articles folder failed; use /reload'));
    } catch (err) {
      this.options.log.warn({ err }, 'cannot watch the articles folder; changes need /reload or a restart');
    }
    return () => this.unwatch();
  }

  stats(): Record<string, string | number> {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);
    const ageS = Math.round((Date.now() - this.index.builtAt.getTime()) / 1000);
    return {
      articles: this.index.articles.length,
      paragraphs: this.index.documentCount,
      vocabulary: this.index.vocabularySize,
      'index age': ageS < 120 ? `${ageS} s` : `${Math.round(ageS / 60)} min`,
      'last build': `${Math.round(this.lastBuildMs)} ms`,
      'questions answered': this.answered,
      'answer time p50': `${q(0.5).toFixed(1)} ms`,
      'answer time p95': `${q(0.95).toFixed(1)} ms`,
      warnings: this.warnings.length,
    };
  }

  private rebuildWithoutCache(err: unknown): void {
    if (!this.usesCache || this.distrustCache) return;
    this.distrustCache = true;
    this.options.log.warn({ err }, 'answering failed on the index read from the cache: rebuilding it from the articles');
    void this.reload().catch((e: unknown) => this.options.log.error({ err: e }, 'reload failed; still answering from the previous index'));
  }

  async close(): Promise<void> {
    this.unwatch();
    await this.running?.catch(() => undefined);
    await this.whenSaved();
  }

  /** Resolves once the persisted index reflects the last (re)load (or saving it has failed and been logged). */
  async whenSaved(): Promise<void> {
    while (this.saving) await this.saving;
  }

  private save(job: () => Promise<void>): void {
    // Only the newest state is worth writing: a save queued behind a running one replaces any older one.
    this.nextSave = job;
    if (this.saving) return;
    this.saving = (async () => {
      while (this.nextSave) {
        const run = this.nextSave;
        this.nextSave = undefined;
        const started = performance.now();
        await run().then(
          () => (this.lastSaveMs = performance.now() - started),
          (err: unknown) => this.options.log.warn({ err }, 'could not save the index cache; the next start rebuilds it'),
        );
      }
      this.saving = undefined;
    })();
  }

  private unwatch(): void {
    clearTimeout(this.settleTimer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private scheduleReload(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.reload().then(
        (s) => {
          if (s.reread > 0 || s.removed > 0) {
            this.options.log.info({ articles: s.articles, reread: s.reread, removed: s.removed, ms: s.ms }, 'articles changed: index reloaded');
          }
        },
        (err: unknown) => this.options.log.error({ err }, 'reload failed; still answering from the previous index'),
      );
    }, SETTLE_MS);
  }

  /** At start-up: answers from the persisted index when it matches the folder and can be trusted; says why not in `doubts`. */
  private async openSnapshot(fingerprints: Record<string, Fingerprint>, settings: string, doubts: string[]): Promise<boolean> {
    if (!this.cache) return false;
    const { value: snap, problem } = await this.cache.readIndex(settings);
    if (problem) doubts.push(problem);
    if (!snap || !sameFingerprints(fingerprints, snap.fingerprints)) return false;
    try {
      this.index = new SearchIndex(snap.index);
    } catch (err) {
      doubts.push(`index.v8: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    this.fingerprints = fingerprints;
    this.warnings = snap.warnings;
    this.usesCache = true;
    return true;
  }

  /** What each file loaded to last time: from memory, else from the persisted cache (saying why not in `doubts`). */
  private async knownFiles(settings: string, doubts: string[]): Promise<{ known: Map<string, CachedFile>; knownFromCache: boolean }> {
    if (this.files.size > 0) return { known: this.files, knownFromCache: this.usesCache };
    if (!this.cache) return { known: new Map(), knownFromCache: false };
    const { value, problem } = await this.cache.readFiles(settings);
    if (problem) doubts.push(problem);
    return { known: value, knownFromCache: true };
  }

  private settingsKey(): string {
    // An age limit depends on today's date, so a cache made on another day is not reused with it.
    const { maxAgeDays } = this.options;
    return maxAgeDays === undefined ? 'all' : `max-age=${maxAgeDays}@${new Date().toISOString().slice(0, 10)}`;
  }

  private async rebuild(): Promise<ReloadSummary> {
    const started = performance.now();
    const { names, walkWarnings, fingerprints } = await scanFolder(this.articlesDir);
    const settings = this.settingsKey();
    const summary = (fromCache: boolean, reread: number, removed: number): ReloadSummary => ({
      articles: this.index.articles.length,
      paragraphs: this.index.documentCount,
      reread,
      removed,
      ms: Math.round(performance.now() - started),
      fromCache,
      warnings: this.warnings,
    });

    // Taken now: a request made while this run reads the cache is for the next run.
    const fresh = this.distrustCache;
    // Unchanged since the last build (in memory, or on disk at start-up): nothing to do.
    if (!fresh && sameFingerprints(fingerprints, this.fingerprints) && this.files.size + this.index.articles.length > 0) {
      return summary(false, 0, 0);
    }
    const doubts: string[] = [];
    if (!fresh && this.index.articles.length === 0 && this.files.size === 0 && (await this.openSnapshot(fingerprints, settings, doubts))) {
      this.lastBuildMs = performance.now() - started;
      return summary(true, 0, 0);
    }
    const { known, knownFromCache } = fresh
      ? { known: new Map<string, CachedFile>(), knownFromCache: false }
      : await this.knownFiles(settings, doubts);
    if (doubts.length > 0) this.options.log.warn({ problems: doubts }, 'index cache not trusted: rebuilding from the articles');
    const changed = names.filter((rel) => !unchanged(known.get(rel), fingerprints[rel]!));
    // Questions keep being answered from the old index meanwhile: the work below gives way every few ms.
    const slices = new Slices();
    const read = await this.readFiles(names, changed.length, fingerprints, known, slices);
    const removed = [...known.keys()].filter((rel) => fingerprints[rel] === undefined).length;
    const { merged, index } = await assemble(walkWarnings, read, fingerprints, this.options.maxAgeDays, slices);
    await this.options.beforeSwap?.();
    this.swapIn({ index, merged, files: read.next, fingerprints, settings, changed, started, fresh }, knownFromCache && read.reread < names.length);
    return summary(false, read.reread, removed);
  }

  /** Each file's analysis: from `known` when its fingerprint is unchanged, else read and analyzed again (giving way between files). */
  private async readFiles(
    names: readonly string[],
    changedCount: number,
    fingerprints: Record<string, Fingerprint>,
    known: Map<string, CachedFile>,
    slices: Slices,
  ): Promise<ReadFiles> {
    const next = new Map<string, CachedFile>();
    const results: FileResult[] = [];
    // Analyses are packed as each file is read (one string for all the files that use it): the
    // index is assembled from that form, and it is what is kept and saved.
    const strings = new Map<string, string>();
    let reread = 0;
    for (const rel of names) {
      const fp = fingerprints[rel]!;
      const old = known.get(rel);
      if (unchanged(old, fp)) {
        next.set(rel, old);
        results.push(old.result);
        continue;
      }
      const result: FileResult = await loadFile(this.articlesDir, rel, { maxAgeDays: this.options.maxAgeDays });
      next.set(rel, { fingerprint: fp, result, analysis: analyzeArticles(result.articles, strings) });
      results.push(result);
      reread++;
      this.options.progress?.(reread, changedCount);
      await slices.pause();
    }
    return { next, results, reread, strings };
  }

  /** Swaps the new index in, logs the problems of the files just read, and saves it after the swap. */
  private swapIn(built: Built, usesCache: boolean): void {
    const { index, merged, files, fingerprints, settings, changed } = built;
    // The swap: one assignment, so a question sees the old index or the new one, never a mix.
    this.index = index;
    this.usesCache = usesCache;
    if (built.fresh) this.distrustCache = false;
    this.files = files;
    this.fingerprints = fingerprints;
    this.warnings = merged.warnings;
    this.reports = merged.files;
    this.lastBuildMs = performance.now() - built.started;
    // Problems of the files just read (a half-written file, say); those of unchanged files were logged before.
    const changedSet = new Set(changed);
    for (const w of merged.warnings) if (changedSet.has(w.file.replace(/#\d+$/, ''))) this.options.log.warn({ file: w.file }, w.message);
    // Saved after the swap, from a turn later on: answering (first the questions waiting for this
    // index) does not wait for the disk. A save that fails only costs the next start a rebuild; the
    // fingerprints in it are those of what was read, so it is never stale.
    if (this.cache) {
      const cache = this.cache;
      this.save(async () => {
        const slices = new Slices();
        await slices.giveWay();
        await this.options.beforeSave?.();
        return cache.write({ settings, fingerprints, index: index.data, warnings: merged.warnings }, files, () => slices.pause());
      });
    }
  }
}

/** What `readFiles` found: each file's analysis and result, how many were read again, and the strings their analyses share. */
interface ReadFiles {
  next: Map<string, CachedFile>;
  results: FileResult[];
  reread: number;
  strings: Map<string, string>;
}

/** A rebuilt index and what `swapIn` keeps and saves with it. */
interface Built {
  index: SearchIndex;
  merged: LoadResult;
  files: Map<string, CachedFile>;
  fingerprints: Record<string, Fingerprint>;
  settings: string;
  /** Files read again in this build. */
  changed: readonly string[];
  started: number;
  /** Whether this build was asked to read everything again (the cache distrusted). */
  fresh: boolean;
}

/** The folder's article files (with the walk's warnings) and their fingerprints; throws when the folder is unusable. */
async function scanFolder(root: string): Promise<{ names: string[]; walkWarnings: LoadWarning[]; fingerprints: Record<string, Fingerprint> }> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UserFacingError(`articles folder ${root} does not exist or is not a folder (ARTICLES_DIR)`);

  const walkWarnings: LoadWarning[] = [];
  const names = await listArticleFiles(root, walkWarnings);
  const fingerprints: Record<string, Fingerprint> = {};
  await Promise.all(
    names.map(async (rel) => {
      const st = await fs.stat(path.join(root, rel)).catch(() => undefined);
      fingerprints[rel] = st ? { mtimeMs: st.mtimeMs, size: st.size } : { mtimeMs: -1, size: -1 };
    }),
  );
  return { names, walkWarnings, fingerprints };
}

/** The files' articles merged (duplicates, ages) and the index assembled from their packed analyses, giving way between the steps. */
async function assemble(
  walkWarnings: LoadWarning[],
  read: ReadFiles,
  fingerprints: Record<string, Fingerprint>,
  maxAgeDays: number | undefined,
  slices: Slices,
): Promise<{ merged: LoadResult; index: SearchIndex }> {
  await slices.giveWay();
  const merged = await slices.run(
    mergeFileResultsSteps(walkWarnings, read.results, {
      maxAgeDays,
      modifiedMs: (file) => fingerprints[file]?.mtimeMs,
    }),
  );
  read.strings.clear();
  await slices.giveWay();
  const sources = new Map<string, Omit<PackedArticle, 'article'>>();
  for (const f of read.next.values()) f.result.articles.forEach((source, at) => sources.set(source.id, { source, packed: f.analysis, at }));
  const index = await slices.run(SearchIndex.fromPackedSteps(merged.articles.map((article) => ({ article, ...sources.get(article.id)! }))));
  sources.clear();
  await slices.giveWay();
  return { merged, index };
}

/** Whether a file is as it was when `old` was read (same size and modification time). */
function unchanged(old: CachedFile | undefined, fp: Fingerprint): old is CachedFile {
  return old !== undefined && old.fingerprint.mtimeMs === fp.mtimeMs && old.fingerprint.size === fp.size;
}

function sameFingerprints(a: Record<string, Fingerprint>, b: Record<string, Fingerprint>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => b[k] !== undefined && a[k]!.mtimeMs === b[k].mtimeMs && a[k]!.size === b[k].size);
}
