/** The little the stores need from a PostgreSQL connection: PGlite and `pg` both fit it (pglite.ts, postgres.ts). */

export interface Rows<T> {
  rows: T[];
  /** Rows inserted, updated or deleted. */
  count: number;
}

export interface Queryable {
  /**
   * One statement with $1… parameters. `name`: a prepared statement each connection parses and plans
   * once (a name always stands for the same SQL), for statements run on every question.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: { name?: string }): Promise<Rows<T>>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDb extends Queryable {
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` while no other process runs it (migrations): an advisory lock on PostgreSQL; PGlite has one process. */
  exclusive<T>(fn: (db: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
