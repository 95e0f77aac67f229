// Compares the NLP libraries that could reduce words for the intent grammar, by measurement on the
// development corpus: precision and recall averaged over intents, and sentences per CPU second.
// `npx tsx server/bench/intent-normalisers.compare.ts [--modules DIR]`: DIR is a node_modules folder
// holding the candidates (compromise, fr-compromise, wink-nlp, wink-eng-lite-web-model, @nlpjs/lang-en-min,
// @nlpjs/lang-fr); a candidate that cannot be loaded is skipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { foldText } from '../src/engine/text/fold-text.ts';
import { parseCorpus, scoreCorpus } from '../src/engine/text/intents/corpus/score-corpus.ts';
import {
  cachedNormaliser,
  identityNormaliser,
  type Normaliser,
} from '../src/engine/text/intents/normaliser.ts';
import { IntentReader } from '../src/engine/text/intents/read-intents.ts';

const corpusDir = fileURLToPath(new URL('../src/engine/text/intents/corpus/', import.meta.url));
const modulesArg = process.argv.indexOf('--modules');
const base = modulesArg > 0 ? `${process.argv[modulesArg + 1]}/` : import.meta.url;
const require = createRequire(base);
const dev = parseCorpus(readFileSync(`${corpusDir}dev.jsonl`, 'utf8'));

type Loader = () => Promise<Normaliser>;
const fold = (word: string) => foldText(word).replace(/[\u2019]/g, "'");
const uniq = (keys: string[]) => [...new Set(keys.filter((k) => k.length > 0))];

const candidates: Record<string, Loader> = {
  none: async () => identityNormaliser,
  'nlp.js stemmers (en + fr)': async () => {
    const { StemmerEn } = require('@nlpjs/lang-en-min');
    const { StemmerFr } = require('@nlpjs/lang-fr');
    const en = new StemmerEn();
    const fr = new StemmerFr();
    return {
      name: 'nlpjs',
      keys: (w, lang) => uniq([lang === 'en' ? en.stemWord(w) : fold(fr.stemWord(w))]),
    };
  },
  'wink-nlp lemmas (en) + none (fr)': async () => {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    return {
      name: 'wink',
      keys: (w, lang) => (lang === 'en' ? uniq(nlp.readDoc(w).tokens().out(its.lemma).map(fold)) : [w]),
    };
  },
  'wink-nlp lemmas (en) + nlp.js stemmer (fr)': async () => {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const { StemmerFr } = require('@nlpjs/lang-fr');
    const fr = new StemmerFr();
    const nlp = winkNLP(model);
    const its = nlp.its;
    return {
      name: 'wink+fr',
      keys: (w, lang) =>
        lang === 'en' ? uniq(nlp.readDoc(w).tokens().out(its.lemma).map(fold)) : [fold(fr.stemWord(w))],
    };
  },
  'compromise roots (en) + fr-compromise roots (fr)': async () => {
    const en = (await import(require.resolve('compromise'))).default;
    const fr = (await import(require.resolve('fr-compromise'))).default;
    const roots = (lib: typeof en, w: string): string[] => {
      const doc = lib(w);
      doc.compute('root');
      return doc
        .json()
        .flatMap((s: { terms: { root?: string; normal: string }[] }) =>
          s.terms.map((t) => fold(t.root ?? t.normal)),
        );
    };
    return { name: 'compromise', keys: (w, lang) => uniq(roots(lang === 'en' ? en : fr, w)) };
  },
};

console.log('| normaliser | dev precision | dev recall | sentences / CPU s (warm) | first-build ms |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, load] of Object.entries(candidates)) {
  let normaliser: Normaliser;
  try {
    normaliser = cachedNormaliser(await load());
  } catch (error) {
    console.log(`| ${name} | not installed (${(error as Error).message.split('\n')[0]}) | | | |`);
    continue;
  }
  const built = performance.now();
  const reader = new IntentReader(normaliser);
  const score = scoreCorpus(dev, (text) => reader.read(text, { year: 2026 }));
  const buildMs = performance.now() - built;
  const texts = dev.map((row) => row.text);
  const started = process.cpuUsage();
  for (let i = 0; i < 20; i++) for (const text of texts) reader.read(text, { year: 2026 });
  const cpu = process.cpuUsage(started);
  const rate = (20 * texts.length) / ((cpu.user + cpu.system) / 1e6);
  if (process.argv.includes('--failures'))
    for (const f of score.failures) console.error(`${name}\t${f.id}\t[${f.expected}]\t[${f.got}]\t${f.text}`);
  console.log(
    `| ${name} | ${score.precision.toFixed(2)} | ${score.recall.toFixed(2)} | ${Math.round(rate).toLocaleString('en')} | ${Math.round(buildMs)} |`,
  );
}
