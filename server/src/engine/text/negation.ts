// Negation scope: a cue in the same clause shortly before the match ("we do NOT need more seats",
// "nous n'avons PAS besoin de licences supplémentaires", "PAS DE nouveau projet"), or a denial right
// after it ("more seats are not needed"). Texts are folded (lower case, no accents) beforehand.

/** How far back and forward, in characters, a cue still governs the match. */
const SCOPE_BEFORE = 60;
const SCOPE_AFTER = 40;

const CUE_BEFORE =
  /(?:^|[^a-z'])(?:(?:not|no|never|nothing|none|nor|neither|without|cannot|no longer|[a-z]+n't|ne|pas|aucune?|jamais|sans|ni|rien|nullement)(?![a-z'])|n'(?=[a-z]))/;
const DENIAL_AFTER =
  /^[^.!?\n]{0,25}?\b(?:(?:is|are|will be|would be|was|were)(?: not| no longer|n't)(?: be)? (?:needed|necessary|required|planned|an option|happening|on the table|in scope)|won't be (?:needed|necessary|required)|(?:n'est|ne sont|ne sera|ne seront) (?:pas|plus) (?:necessaire|prevu|d'actualite|a l'ordre du jour|envisage)|(?:pas|plus) (?:necessaire|prevu|d'actualite|envisage)s?)/;
// A clause break ends the scope of a cue: "no issues so far, but we need more seats".
const CLAUSE_BREAK =
  /[,;:()]|\b(?:but|however|although|though|yet|mais|cependant|pourtant|toutefois|car|because|parce que|sauf que)\b/g;

function afterLastClauseBreak(text: string): string {
  CLAUSE_BREAK.lastIndex = 0;
  let cut = 0;
  for (let found = CLAUSE_BREAK.exec(text); found; found = CLAUSE_BREAK.exec(text)) {
    cut = found.index + found[0].length;
  }
  return cut === 0 ? text : text.slice(cut);
}

/** Whether the match `[start, end)` of the folded `text` is negated within its sentence `[from, to)`. */
export function isNegated(text: string, start: number, end: number, from: number, to: number): boolean {
  const before = afterLastClauseBreak(text.slice(Math.max(from, start - SCOPE_BEFORE), start));
  if (CUE_BEFORE.test(before)) return true;
  return DENIAL_AFTER.test(text.slice(end, Math.min(to, end + SCOPE_AFTER)));
}

// An elliptic negative answer: "Upgrade? Not this year.", « Une montée en gamme ? Pas cette année. »,
// "More seats? No, we'll wait." A bare no, or "not"/"pas"/"never" with at most a few words of time or
// degree — not a noun phrase ("no rush", "pas de souci", "not a problem") nor a hedge ("not sure").
const BARE_NO =
  /^(?:no|nope|nah|non|never|jamais|negative|not really|pas vraiment|absolutely not|certainly not|definitely not|surely not|certainement pas|surement pas|absolument pas|toujours pas)(?: (?:thanks|thank you|merci))?(?:$|\s*[,;:!-](?!\s*(?:but|mais)\b))/;
const NOT_ADJUNCT =
  /^(?:not|pas)(?: (?:yet|now|today|anymore|any more|again|so|this|that|for|at|in|right|until|before|encore|maintenant|cette|ce|cet|pour|tout|avant|en|dans|d'ici|tant)(?![a-z'])[^.!?\n]{0,30})?$/;
const ANSWER_PREFIX = /^(?:(?:a|r|answer|reponse|client|customer)\s*:\s*|[-–—>*•]\s*)/;

/** Whether the folded sentence `text` (the one right after a question) is a short negative answer to it. */
export function isNegativeAnswer(text: string): boolean {
  const answer = text
    .trim()
    .replace(ANSWER_PREFIX, '')
    .replace(/[.!…]+$/, '')
    .trim();
  if (answer.length === 0 || answer.split(/\s+/).length > 8) return false;
  if (BARE_NO.test(answer)) return true;
  return NOT_ADJUNCT.test(answer);
}
