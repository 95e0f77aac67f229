// A module of the price book the customer names when asking to grow ("what would the Analytics module
// cost us?", "forecasting dashboards for the finance team"): by its name or one of its features, in the
// sentence of an expansion cue. As evidence `conv:module:<id>`, its value the module's name, its quote the
// sentence; the cross-sell sizing reads it back with `namedModuleOf` and prices that module, not the cheapest.
import type { Evidence, Module, PriceBook } from '@ripe/shared';
import { foldText } from '../../text/fold-text.ts';

const PREFIX = 'conv:module:';

export interface NamedModuleMention {
  /** The sentence, as written. */
  quote: string;
  /** Recency and author weight of the mention. */
  weight: number;
  day: string;
  source: string;
}

const patternsOf = new WeakMap<PriceBook, { module: Module; pattern: RegExp }[]>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Per module, its name and its features' names as whole folded words ("ai_summaries" reads "ai summaries"). */
function modulePatterns(priceBook: PriceBook): { module: Module; pattern: RegExp }[] {
  let patterns = patternsOf.get(priceBook);
  if (!patterns) {
    patterns = priceBook.modules.map((module) => {
      const names = [module.name, module.id, ...module.features]
        .map((name) => foldText(name).replace(/[_-]+/g, ' ').trim())
        .filter((name) => name.length > 2);
      const alternatives = [...new Set(names)].map((name) => `${escape(name)}s?`).join('|');
      return { module, pattern: new RegExp(`(?<![a-z0-9])(?:${alternatives})(?![a-z0-9])`) };
    });
    patternsOf.set(priceBook, patterns);
  }
  return patterns;
}

/** The unlicensed module the expansion sentences name most (by weight), as evidence, or null. */
export function namedModuleEvidence(
  mentions: readonly NamedModuleMention[],
  priceBook: PriceBook,
  licensed: readonly string[],
): Evidence | null {
  const patterns = modulePatterns(priceBook).filter(({ module }) => !licensed.includes(module.id));
  if (patterns.length === 0) return null;
  // per module, the weight of every sentence naming it and its weightiest sentence
  const named = new Map<Module, { weight: number; mention: NamedModuleMention }>();
  for (const mention of mentions) {
    const folded = foldText(mention.quote);
    for (const { module, pattern } of patterns) {
      if (!pattern.test(folded)) continue;
      const seen = named.get(module);
      if (!seen) named.set(module, { weight: mention.weight, mention });
      else {
        seen.weight += mention.weight;
        if (mention.weight > seen.mention.weight) seen.mention = mention;
      }
    }
  }
  let best: { module: Module; weight: number; mention: NamedModuleMention } | null = null;
  for (const [module, seen] of named) if (!best || seen.weight > best.weight) best = { module, ...seen };
  if (!best) return null;
  return {
    id: `${PREFIX}${best.module.id}`,
    description: `Module asked about: ${best.module.name}`,
    value: best.module.name,
    date: best.mention.day,
    source: best.mention.source,
    quote: best.mention.quote,
  };
}

/** The module the verdict's evidence names, if any, with its evidence id. */
export function namedModuleOf(
  evidence: readonly Evidence[],
): { moduleId: string; evidenceId: string; quote: string; date: string } | null {
  for (const item of evidence) {
    if (!item.id.startsWith(PREFIX)) continue;
    return {
      moduleId: item.id.slice(PREFIX.length),
      evidenceId: item.id,
      quote: item.quote ?? '',
      date: item.date,
    };
  }
  return null;
}
