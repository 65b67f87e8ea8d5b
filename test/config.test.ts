import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe.each([
  { setting: 'WORD_VECTORS', field: 'wordVectors', byDefault: true },
  { setting: 'SENTENCE_MODEL', field: 'sentenceModel', byDefault: false },
  { setting: 'FEEDS_ALLOW_PRIVATE_ADDRESSES', field: 'feedsAllowPrivateAddresses', byDefault: false },
] as const)('the on/off setting $setting', ({ setting, field, byDefault }) => {
  const read = (value: string | undefined) => loadConfig({ [setting]: value }, { dotenvFile: false })[field];

  it(`is ${byDefault ? 'on' : 'off'} by default and takes on/off (and the usual synonyms)`, () => {
    expect(read(undefined)).toBe(byDefault);
    expect(read('')).toBe(byDefault);
    expect(read('on')).toBe(true);
    expect(read('1')).toBe(true);
    expect(read('off')).toBe(false);
    expect(read('OFF')).toBe(false);
    expect(read('FALSE')).toBe(false);
  });

  it('anything else is one clear error naming the setting', () => {
    expect(() => read('maybe')).toThrow(ConfigError);
    expect(() => read('maybe')).toThrow(new RegExp(`${setting}.*"on" or "off"`));
  });
});
