/**
 * Invisible formatting characters that can make a reply show something other than what it says:
 * bidirectional embeddings, overrides and isolates reorder what follows them ("Trojan Source"), and
 * zero-width characters hide text or split words. An article's title, source or paragraph is
 * anyone's text (a feed, a scraped page), so replies show it without them.
 *
 * The set is Unicode's format characters (category Cf) that plain prose never needs:
 *   U+00AD soft hyphen (only a hyphenation hint), U+061C Arabic letter mark, U+180E Mongolian vowel
 *   separator, U+200B zero-width space, U+200E/U+200F LRM/RLM, U+202A–202E embeddings and
 *   overrides, U+2060–206F word joiner, invisible operators, isolates and deprecated controls,
 *   U+FEFF BOM, U+FFF9–FFFB interlinear annotation, U+1D173–1D17A musical beam/slur controls, and
 *   the tag characters U+E0000–E007F.
 * Kept, because real text needs them: ZWNJ and ZWJ (U+200C/U+200D: Persian and Indic spelling,
 * emoji sequences such as 👩‍💻), tag characters inside an emoji flag tag sequence (🏴 + tags +
 * cancel tag: the flags of England, Scotland, Wales), the visible Cf signs (Arabic number signs
 * U+0600–0605, end of ayah, Syriac abbreviation mark, Kaithi number signs) and the Egyptian
 * hieroglyph and Duployan shorthand controls those scripts cannot be written without.
 * Losing LRM/RLM can move a neutral (a full stop, a bracket) in mixed right-to-left text; they are
 * removed anyway, as invisible reordering is what spoofing is made of.
 */
const INVISIBLE =
  /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{1D173}-\u{1D17A}\u{E0000}-\u{E007F}]/gu;

/** `text` without invisible formatting characters (see above); everything else unchanged. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, (_char, flag: string | undefined) => flag ?? '');
}

/** Whether `text` holds any character `removeInvisible` would remove. */
export function hasInvisible(text: string): boolean {
  return removeInvisible(text) !== text;
}
