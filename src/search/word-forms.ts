import type { Language } from './language.js';

/**
 * Hand-written: the commonest German and Russian word forms no ending rule reaches (and Spanish
 * adjectives' short forms), as their
 * dictionary form. The word list has dictionary forms (and a few inflected ones with odd senses:
 * "называется" → yclept), and the stem does not join "verlor" to "verlieren" or "могут" to "мочь":
 * strong and irregular verbs change their stem, not their ending. These are the grammars' closed
 * lists (German strong verbs; Russian irregular verbs, numerals and nouns), written from the
 * grammar, not from any question set; a lookup keeps the first candidate that is a headword (see
 * `Lexicon.translate`). Spanish and French irregular verbs were tried the same way and did not gain
 * (docs/benchmarks.md).
 *
 * Each line: the dictionary form, then its forms.
 */
const FORMS: Partial<Record<Language, string>> = {
  de: `
    beginnen begann begannen begonnen
    bieten bot boten geboten
    binden band banden gebunden
    bitten bat baten gebeten
    bleiben blieb blieben geblieben
    brechen brach brachen gebrochen bricht
    bringen brachte brachten gebracht
    denken dachte dachten gedacht
    empfehlen empfahl empfahlen empfohlen empfiehlt
    fahren fuhr fuhren gefahren fährt
    fallen fiel fielen gefallen fällt
    fangen fing fingen gefangen fängt
    finden fand fanden gefunden
    fliegen flog flogen geflogen
    fliehen floh flohen geflohen
    fließen floss flossen geflossen
    geben gab gaben gegeben gibt
    gehen ging gingen gegangen
    gelingen gelang gelangen gelungen
    gelten galt galten gegolten gilt
    geschehen geschah geschahen geschieht
    gewinnen gewann gewannen gewonnen
    greifen griff griffen gegriffen
    halten hielt hielten gehalten hält
    hängen hing hingen gehangen
    heben hob hoben gehoben
    heißen hieß hießen geheißen heißt
    helfen half halfen geholfen hilft
    kennen kannte kannten gekannt
    kommen kam kamen gekommen
    lassen ließ ließen gelassen lässt
    laufen lief liefen gelaufen läuft
    lesen las lasen gelesen liest
    liegen lag lagen gelegen
    nehmen nahm nahmen genommen nimmt
    nennen nannte nannten genannt
    rufen rief riefen gerufen
    schaffen schuf schufen
    scheinen schien schienen geschienen
    schießen schoss schossen geschossen
    schlagen schlug schlugen geschlagen schlägt
    schließen schloss schlossen geschlossen
    schneiden schnitt schnitten geschnitten
    schreiben schrieb schrieben geschrieben
    schwimmen schwamm schwammen geschwommen
    sehen sah sahen gesehen sieht
    senden sandte sandten gesandt
    singen sang sangen gesungen
    sinken sank sanken gesunken
    sitzen saß saßen gesessen
    sprechen sprach sprachen gesprochen spricht
    springen sprang sprangen gesprungen
    stehen stand standen gestanden
    steigen stieg stiegen gestiegen
    sterben starb starben gestorben stirbt
    stoßen stieß stießen gestoßen
    tragen trug trugen getragen trägt
    treffen traf trafen getroffen trifft
    treiben trieb trieben getrieben
    treten trat traten getreten tritt
    trinken trank tranken getrunken
    tun tat taten getan
    verlieren verlor verloren
    wachsen wuchs wuchsen gewachsen wächst
    weisen wies wiesen gewiesen
    wenden wandte wandten gewandt
    werfen warf warfen geworfen wirft
    wissen wusste wussten gewusst
    ziehen zog zogen gezogen
    zwingen zwang zwangen gezwungen`,
  ru: `
    мочь могут мог могла могло могли
    звать зовут зовёт зовет звали звал звала
    родиться родился родилась родилось родились
    умереть умер умерла умерло умерли
    идти идёт идет шёл шел шла шло шли
    найти нашёл нашел нашла нашло нашли найден найдена найдено найдены
    прийти пришёл пришел пришла пришло пришли
    уйти ушёл ушел ушла ушли
    выйти вышел вышла вышло вышли
    произойти произошёл произошел произошла произошло произошли
    расти рос росла росло росли
    вырасти вырос выросла выросло выросли
    называться называется называются назывался называлась называлось назывались
    являться является являются являлся являлась являлось являлись
    такой такая такое такие такого такому таким такую таких такими
    два двух двум двумя
    три трёх трех трём трем тремя
    четыре четырёх четырех четырём четырем четырьмя
    оба обоих обеих обе
    время времени временем времена времён времен
    имя имени именем имена имён имен
    люди людей людям людьми
    дети детей детям детьми`,
  // Spanish adjectives cut short before a noun ("el primer presidente", "la gran ciudad"): the word
  // list has the full forms, and the short ones as other words (primer: cousin, gran: grenade).
  es: `
    primero primer
    tercero tercer
    grande gran`,
};

/**
 * English senses for a few dictionary forms whose dictionaries' first senses are not the one news
 * questions mean ("родиться" → issue, light; "befinden" → health, decide; "самый" → very), and
 * nothing to ask for the verbs a question names with ("wie heißt", "как называется": the answer
 * seldom says "called"), for modal verbs ("могут" → power), and for the copula and "такой" ("X
 * является Y", "что такое X": is; the dictionaries give report, taco by its spelling, akin: words
 * that pull unrelated news paragraphs). Each line: the dictionary form,
 * then its senses; a sense that is a stopword ("be", "can") makes the word ask for nothing.
 */
const SENSES: Partial<Record<Language, string>> = {
  de: `
    heißen be
    befinden located situated`,
  ru: `
    родиться born
    называться be
    являться be
    такой such
    звать be
    самый most
    мочь can`,
};

/** German prefixes a strong verb's forms take whole ("erhielt" → erhalten, "abgesehen" → absehen). */
const DE_PREFIXES = [
  'zurück',
  'statt',
  'durch',
  'unter',
  'über',
  'nach',
  'ab',
  'an',
  'auf',
  'aus',
  'bei',
  'be',
  'ein',
  'ent',
  'emp',
  'er',
  'ge',
  'mit',
  'ver',
  'vor',
  'zer',
  'zu',
  'um',
];

type Table = ReadonlyMap<string, string[]>;

/** Each line's first word for its others (`forms`), or its other words for its first (`senses`). */
function tableOf(text: string | undefined, key: 'forms' | 'senses'): Table {
  const out = new Map<string, string[]>();
  for (const line of (text ?? '').trim().split('\n')) {
    const [head, ...rest] = line.trim().split(/\s+/);
    if (!head) continue;
    if (key === 'senses') out.set(head, rest);
    else for (const form of rest) out.set(form, [...(out.get(form) ?? []), head]);
  }
  return out;
}

const forms = new Map<Language, Table>();
const senses = new Map<Language, Table>();

function table(cache: Map<Language, Table>, language: Language, key: 'forms' | 'senses'): Table {
  let t = cache.get(language);
  if (!t) cache.set(language, (t = tableOf((key === 'forms' ? FORMS : SENSES)[language], key)));
  return t;
}

/** The dictionary forms the hand-written table gives `word` (lowercased); empty when none. */
export function irregularForms(word: string, language: Language): readonly string[] {
  return table(forms, language, 'forms').get(word) ?? [];
}

/**
 * In German, the dictionary forms of a strong verb's form behind a prefix ("befand" → befinden,
 * "verstarb" → versterben); empty when none. Asked only for a word that is no headword: a noun
 * may look like one ("Einband", a binding, is no form of "einbinden").
 */
export function prefixedForms(word: string, language: Language): string[] {
  if (language !== 'de') return [];
  const t = table(forms, language, 'forms');
  const out: string[] = [];
  for (const prefix of DE_PREFIXES)
    if (word.startsWith(prefix) && word.length > prefix.length + 2)
      for (const lemma of t.get(word.slice(prefix.length)) ?? []) out.push(prefix + lemma);
  return out;
}

/** The senses the hand-written table gives a dictionary form, when its dictionaries' first ones are not the news's. */
export function newsSenses(headword: string, language: Language): string[] | undefined {
  return table(senses, language, 'senses').get(headword);
}
