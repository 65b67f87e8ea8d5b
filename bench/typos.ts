/** A small seeded PRNG (mulberry32): the same seed gives the same typos on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыэюя';

/**
 * One or two typos in the longer words of a question, the way people make them: a letter dropped,
 * doubled, swapped with its neighbour or replaced. Words under 5 letters are left alone.
 */
export function addTypos(question: string, random: () => number): string {
  const words = [...question.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return question;
  const count = Math.min(words.length, random() < 0.5 ? 1 : 2);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(random() * words.length));
  let out = question;
  // Apply from the end so earlier offsets stay valid.
  for (const i of [...picked].sort((a, b) => b - a)) {
    const m = words[i]!;
    const w = m[0];
    const at = 1 + Math.floor(random() * (w.length - 2)); // keep the first letter, as people mostly do
    const alphabet = /\p{Script=Cyrillic}/u.test(w) ? CYRILLIC : LATIN;
    let typo: string;
    switch (Math.floor(random() * 4)) {
      case 0:
        typo = w.slice(0, at) + w.slice(at + 1);
        break;
      case 1:
        typo = w.slice(0, at) + w[at] + w.slice(at);
        break;
      case 2:
        typo = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
        break;
      default: {
        let c = alphabet[Math.floor(random() * alphabet.length)]!;
        if (c === w[at]) c = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length]!;
        typo = w.slice(0, at) + c + w.slice(at + 1);
      }
    }
    out = out.slice(0, m.index) + typo + out.slice(m.index + w.length);
  }
  return out;
}
