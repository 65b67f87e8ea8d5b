// One lint configuration for the product (src/), its tools (bench/, scripts/) and the tests; layout is
// Prettier's (.prettierrc.json). Type-unaware rules only, so linting the whole tree takes seconds.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config({ ignores: ['dist/', 'coverage/', 'models/', '.cache/'] }, js.configs.recommended, tseslint.configs.recommended, {
  // The fake Bot API and the e2e harness pass Telegram's JSON bodies through untyped, as the Bot API does.
  files: ['bench/**', 'test/**'],
  rules: { '@typescript-eslint/no-explicit-any': 'off' },
});
