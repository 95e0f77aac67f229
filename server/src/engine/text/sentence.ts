// Sentence and clause bounds found by scanning outwards from a match: no split, no allocation.

function isSentenceBreak(code: number): boolean {
  // . ! ? newline
  return code === 46 || code === 33 || code === 63 || code === 10 || code === 13;
}

/** Start of the sentence holding `index` (just after the previous `.`, `!`, `?` or line break). */
export function sentenceStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    // A dot between two digits ("2.5") does not end a sentence.
    if (isSentenceBreak(code) && !(code === 46 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)))
      return i + 1;
  }
  return 0;
}

/** End of the sentence holding `index`, its final punctuation included. */
export function sentenceEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSentenceBreak(code) && !(code === 46 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1))) {
      return code === 10 || code === 13 ? i : i + 1;
    }
  }
  return text.length;
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}
