import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/search/lexicon.js';

// A word list in the shape `npm run build-lexicon` writes: per language, headwords sorted and once.
const LINES = [
  'de\tangriff\tattack assault',
  'de\tangriffe\tattacks',
  'de\tbrücke\tbridge',
  'de\tgebäude\tbuilding',
  'de\theiligabend\tchristmas_eve',
  'de\tkrieg\twar',
  'de\tstraße\tstreet road',
  'es\tabogado\tlawyer counsel',
  'es\tcasa\thouse home',
  'es\tcaso\tcase',
  'es\tenterar\tinform',
  'es\tentero\twhole',
  'fr\tcoréen\tkorean',
  'fr\tpère\tfather dad',
  'ru\tаэропорт\tairport',
  'ru\tсамолёт\tairplane plane',
  'xx\tmot\tword',
  'de\tleer',
];

describe('the word list', () => {
  const lexicon = Lexicon.parse(LINES.join('\n'));

  it('translates a headword to its translations, in the order the list gives them', () => {
    expect(lexicon.translate('angriff', 'de')).toEqual([['attack', 'assault']]);
    expect(lexicon.translate('straße', 'de')).toEqual([['street', 'road']]);
    expect(lexicon.translate('abogado', 'es')).toEqual([['lawyer', 'counsel']]);
    expect(lexicon.translate('père', 'fr')).toEqual([['father', 'dad']]);
    expect(lexicon.translate('самолёт', 'ru')).toEqual([['airplane', 'plane']]);
  });

  it('translates another form of a word by the headword of its stem nearest in spelling', () => {
    expect(lexicon.translate('angriffs', 'de')).toEqual([['attack', 'assault']]);
    expect(lexicon.translate('brücken', 'de')).toEqual([['bridge']]);
    expect(lexicon.translate('straßen', 'de')).toEqual([['street', 'road']]);
    expect(lexicon.translate('аэропорту', 'ru')).toEqual([['airport']]);
    expect(lexicon.translate('самолёта', 'ru')).toEqual([['airplane', 'plane']]);
  });

  it('reads a Spanish or French plural or feminine it lacks as its singular, then its masculine, not a longer word of its stem', () => {
    expect(lexicon.translate('enteras', 'es')).toEqual([['whole']]);
    expect(lexicon.translate('entera', 'es')).toEqual([['whole']]);
    expect(lexicon.translate('casas', 'es')).toEqual([['house', 'home']]);
    expect(lexicon.translate('coréennes', 'fr')).toEqual([['korean']]);
  });

  it('splits a German compound it lacks into the headwords of its parts, a phrase into its words', () => {
    expect(lexicon.translate('brückengebäude', 'de')).toEqual([['bridge'], ['building']]);
    expect(lexicon.translate('kriegsbrücke', 'de')).toEqual([['war'], ['bridge']]);
    expect(lexicon.translate('heiligabend', 'de')).toEqual([['christmas'], ['eve']]);
  });

  it('reads a form no ending reaches by the hand-written table, and gives a question word nothing to ask', () => {
    const forms = Lexicon.parse(
      ['de\tgewinnen\twin', 'de\tverlieren\tlose', 'ru\tдва\ttwo', 'ru\tкакой\tlike which', 'ru\tмочь\tcan power'].join('\n'),
    );
    expect(forms.translate('verlor', 'de')).toEqual([['lose']]);
    expect(forms.translate('gewann', 'de')).toEqual([['win']]);
    expect(forms.translate('двух', 'ru')).toEqual([['two']]);
    // A modal verb asks for nothing ("power" is no sense a question means), nor does "какие" ("like").
    expect(forms.translate('могут', 'ru')).toEqual([['can']]);
    expect(forms.translate('какие', 'ru')).toEqual([]);
  });

  it('reads the Russian copula and "такой" as the stopwords they stand for, whatever the dictionaries give', () => {
    // "что такое X", "X является Y": "what is X", "X is Y"; the dictionaries give "report", "akin".
    const forms = Lexicon.parse(['ru\tявляться\treport offer haunt', 'ru\tтакой\tsuch akin avoidable'].join('\n'));
    expect(forms.translate('является', 'ru')).toEqual([['be']]);
    expect(forms.translate('являлась', 'ru')).toEqual([['be']]);
    expect(forms.translate('такое', 'ru')).toEqual([['such']]);
  });

  it('reads a Russian word written without ё as its spelling with ё too', () => {
    const yo = Lexicon.parse(['ru\tмедь\tcopper', 'ru\tмёд\thoney', 'ru\tсчет\tcount', 'ru\tсчёт\taccount score'].join('\n'));
    // The stem alone finds "медь" (copper) for "мед" (honey, мёд).
    expect(yo.translate('мед', 'ru')).toEqual([['honey']]);
    expect(yo.translate('счет', 'ru')).toEqual([['count', 'account', 'score']]);
    expect(yo.translate('счёт', 'ru')).toEqual([['account', 'score']]);
  });

  it('reads a compound’s part as the shortest headword of its stem: the word itself, not a longer one cut to it', () => {
    const parts = Lexicon.parse(['de\tgekriegt\tgot', 'de\tkrieg\twar', 'de\tkriegen\tget', 'de\twelt\tworld'].join('\n'));
    expect(parts.translate('weltkrieg', 'de')).toEqual([['world'], ['war']]);
  });

  it('reads a Spanish adjective cut short before a noun as its full form', () => {
    const short = Lexicon.parse(['es\tprimer\tcousin', 'es\tprimero\tfirst', 'es\tgran\tgrenade', 'es\tgrande\tgreat big'].join('\n'));
    expect(short.translate('primer', 'es')).toEqual([['first']]);
    expect(short.translate('gran', 'es')).toEqual([['great', 'big']]);
  });

  it('knows nothing of words, languages and lines it lacks', () => {
    expect(lexicon.translate('flugzeug', 'de')).toBeUndefined();
    // Headwords English says in a phrase are found as written only (they are not grouped by stem).
    expect(lexicon.translate('heiligabends', 'de')).toBeUndefined();
    expect(lexicon.translate('leer', 'de')).toBeUndefined();
    expect(lexicon.translate('angriff', 'es')).toBeUndefined();
    expect(lexicon.has('de')).toBe(true);
    expect(lexicon.has('it')).toBe(false);
    expect(Lexicon.empty.translate('angriff', 'de')).toBeUndefined();
  });

  it('reads a list written in another order the same, the later of a word’s lines counting', () => {
    const shuffled = Lexicon.parse([...LINES.slice(6), 'de\tkrieg\tconflict', ...LINES.slice(0, 6), 'de\tkrieg\twarfare'].join('\n'));
    for (const word of ['angriffs', 'brücken', 'straßen', 'brückengebäude', 'heiligabend', 'аэропорту', 'père'])
      expect(shuffled.translate(word, word === 'père' ? 'fr' : /[а-я]/.test(word) ? 'ru' : 'de'), word).toEqual(
        lexicon.translate(word, word === 'père' ? 'fr' : /[а-я]/.test(word) ? 'ru' : 'de'),
      );
    expect(shuffled.translate('krieg', 'de')).toEqual([['warfare']]);
  });
});
