import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../src/errors.js';
import { readText, splitBlocks, stripMarkdown } from '../../src/articles/readers/text.js';

const one = (content: string, file = 'a.md') => {
  const out = readText(content, file);
  expect(out).toHaveLength(1);
  return out[0]!;
};

describe('readText front matter', () => {
  it('reads title, url, published (YAML date back to YYYY-MM-DD) and source; ignores unknown keys', () => {
    const raw = one(
      '---\ntitle: "Harbour pier opens"\nurl: https://example.org/pier\npublished: 2024-05-02\nsource: Example Times\ntags: [a, b]\n---\nFirst paragraph.\n\nSecond paragraph.\n',
    );
    expect(raw.meta).toEqual({
      title: 'Harbour pier opens',
      url: 'https://example.org/pier',
      published: '2024-05-02',
      source: 'Example Times',
    });
    expect(raw.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('keeps the time of a YAML date-time and accepts `date` when `published` is absent', () => {
    expect(one('---\npublished: 2024-05-02T10:30:00Z\n---\nx').meta.published).toBe('2024-05-02T10:30:00.000Z');
    expect(one('---\ndate: 2023-01-09\n---\nx').meta.published).toBe('2023-01-09');
    expect(one('---\npublished: "not a date"\n---\nx').meta.published).toBeUndefined();
  });

  it('coerces a numeric title and ignores a list or empty title and a non-string url', () => {
    expect(one('---\ntitle: 1984\n---\nx').meta.title).toBe('1984');
    expect(one('---\ntitle: [a, b]\nurl: 42\n---\nx').meta).toEqual({ url: '42' });
    expect(one('---\ntitle:\nurl: {a: 1}\n---\nx').meta).toEqual({});
  });

  it('throws ArticleError with the YAML problem and line for malformed front matter', () => {
    expect(() => readText('---\ntitle: ok\nurl: [oops\n---\nbody', 'bad.md')).toThrow(ArticleError);
    expect(() => readText('---\ntitle: ok\nurl: [oops\n---\nbody', 'bad.md')).toThrow(/bad\.md: malformed front matter: .*\(line \d+\)/);
    expect(() => readText('---\n- just\n- a list\n---\nbody', 'bad.md')).toThrow(/expected "key: value" lines/);
  });

  it('throws when the front matter never closes instead of swallowing the whole file', () => {
    expect(() => readText('---\ntitle: x\n\nbody text that never ends', 'open.md')).toThrow(/no closing "---"/);
  });

  it('never evaluates a JavaScript front matter block', () => {
    const g = globalThis as { pwned?: boolean };
    const raw = readText('---js\n{ title: (globalThis.pwned = true, "x") }\n---\nbody', 'evil.md');
    expect(g.pwned).toBeUndefined();
    expect(raw[0]!.meta).toEqual({}); // not front matter at all: the opening line is not "---"
  });

  it('without front matter, the whole file is body; a BOM is ignored', () => {
    const raw = one('\uFEFFTitle line\n\nBody.', 'a.txt');
    expect(raw.meta).toEqual({});
    expect(raw.paragraphs).toEqual(['Title line', 'Body.']);
    expect(raw.reader).toBe('text');
  });
});

describe('readText paragraphs', () => {
  it('splits on blank lines, including lines of spaces, tabs, NBSP or zero-width spaces, and CRLF', () => {
    const raw = one('a one\r\na two\r\n  \t\r\nb\r\n\u00A0\r\nc\n\u200B\nd\n\n\n\ne\n', 'x.txt');
    expect(raw.paragraphs).toEqual(['a one\na two', 'b', 'c', 'd', 'e']);
  });

  it('leading and trailing blank lines make no empty paragraphs', () => {
    expect(splitBlocks('\n\n  \nx\n\n')).toEqual(['x']);
  });

  it('markdown: strips headings, bold, links and images but keeps one block per raw block', () => {
    const raw = one('# The Heading #\n\nSee **bold** and [the report](https://x.org/a_(b)) here.\n\n![chart](c.png)\n\n> quoted line', 'n.md');
    expect(raw.reader).toBe('markdown');
    expect(raw.paragraphs).toEqual(['The Heading', 'See bold and the report here.', '', 'quoted line']);
  });

  it('plain text keeps markup characters as written', () => {
    expect(one('# not a heading in a txt\n\n**x**', 'n.txt').paragraphs).toEqual(['# not a heading in a txt', '**x**']);
  });

  it('stripMarkdown leaves snake_case and lone asterisks alone', () => {
    expect(stripMarkdown('a snake_case_name and 2 * 3 * 4')).toBe('a snake_case_name and 2 * 3 * 4');
  });
});
