// One lint configuration for the product (src/), its tools (bench/, scripts/) and the tests; layout is
// Prettier's (.prettierrc.json). Type-unaware rules only, so linting the whole tree takes seconds.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbid = (group, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'models/', '.cache/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // `const { from, ...rest } = x` is how a property is left out of a copy.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  {
    files: ['src/**'],
    rules: forbid(['**/bench/**'], 'bench/ holds tools, not product.'),
  },
  {
    // A function that grows past a screen is split (blank lines and comments not counted).
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Only src/bot/ speaks Telegram; what the bot says, for every surface, is in src/replies/.
    files: ['src/cli/**', 'src/replies/**', 'src/search/**', 'src/articles/**', 'src/app/**', 'src/feeds/**'],
    rules: forbid(['**/bot/**', '**/bench/**'], 'only src/bot/ speaks Telegram (replies are in src/replies/), and bench/ is not product.'),
  },
  {
    // The fake Bot API and the e2e harness pass Telegram's JSON bodies through untyped, as the Bot API does.
    files: ['bench/**', 'test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
