/**
 * Sentences in which the news says what it does not know: "The shooter, who was not immediately
 * identified, fired…", "Police did not release the driver's name", "It is unclear how many people
 * were inside", "X did not respond to a request for comment". Such a sentence repeats the question's
 * words ("did they identify the shooter", "who was driving") without answering it, and used to beat
 * the paragraph that does. A short, curated list of English wordings (the answer check's language);
 * each pattern is matched against the lowercased sentence.
 */
const NON_ANSWERS: readonly RegExp[] = [
  // "was not immediately identified", "were not yet known", "is not clear" (not "not known for", "not released until")
  /\bnot (?:immediately |yet |publicly )?(?:identified|known|clear|released|disclosed|determined|confirmed)\b(?! (?:for|until|as)\b)/u,
  // "has not been determined", "haven't yet been released", "had not been made public"
  /\b(?:has|have|had)(?: not|n['’]t) (?:yet )?(?:been )?(?:determined|released|confirmed|identified|disclosed|named|made public|said)\b/u,
  // "it is unclear how many", "it remains unknown", "it's not known whether"
  /\b(?:is|was|it['’]s|remains|remained) (?:still )?(?:unclear|unknown|not (?:yet )?(?:known|clear))\b/u,
  // "did not respond to a request for comment", "didn't immediately return a message" (not "doesn't return to the team")
  /\b(?:did|does|has|have|had)(?: not|n['’]t) (?:immediately )?(?:respond|reply|return (?:[\p{L}'’-]+ ){0,2}(?:requests?|calls?|messages?|emails?|inquiries))\b/u,
  // "police did not release the driver's name", "officials wouldn't say"
  /\b(?:did|does|do|would|could)(?: not|n['’]t) (?:immediately )?(?:release|disclose|identify|name|say|confirm)\b/u,
  // "officials declined to say", "refused to comment"
  /\b(?:declined|refused) to (?:comment|say|name|identify|disclose|release|confirm|elaborate|specify|discuss)\b/u,
  // "no motive was given", "no cause has been determined", "no name was released"
  /\bno (?:[\p{L}-]+ ){1,3}(?:was|were|has been|have been|had been) (?:given|released|provided|disclosed|announced|determined|identified)\b/u,
];

/**
 * Whether the sentence says that something is not known, not given or not said (see `NON_ANSWERS`).
 * One that goes on ", but …" is not: its other half may answer ("It's unclear how many students have
 * been vaccinated, but the health department has reported around 40%").
 */
export function isNonAnswer(sentence: string): boolean {
  const text = sentence.toLowerCase();
  return !/,\s*but\b/u.test(text) && NON_ANSWERS.some((p) => p.test(text));
}
