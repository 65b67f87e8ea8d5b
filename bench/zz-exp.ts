import { loadQaSet } from './data.js';
import { benchDatabase } from './postgres.js';
import { storeArticles } from '../src/search/postgres/store.js';
const set = loadQaSet('/work/shared/eval/xquad.en.dev.jsonl');
const { db, drop } = await benchDatabase();
await storeArticles(db, set.articles);
await db.query('analyze');
for (let i = 0; i < 3; i++) {
  const r = await db.query<any>("explain analyze select term, df from search_terms where term = any($1)", [['presid', 'franc', 'unknownword', 'elect']]);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  const t = performance.now(); await db.query('select 1'); console.log('select 1', performance.now() - t);
}
await drop();
