// The `stopword` package ships no types; this project uses only its per-language word lists.
declare module 'stopword' {
  export const ukr: string[];
}
