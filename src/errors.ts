/**
 * Errors a user or operator can cause. Each carries a message meant for them, shown as one line at
 * the edge (CLI, bot start-up) instead of a stack trace.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** A setting in `.env` or the environment is missing or malformed. */
export class ConfigError extends UserFacingError {
  override name = 'ConfigError';
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
  }
}

/** An article file cannot be read or parsed; the file is skipped with this message. */
export class ArticleError extends UserFacingError {
  override name = 'ArticleError';
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Command-line arguments that do not make sense. */
export class UsageError extends UserFacingError {
  override name = 'UsageError';
}
