// `npm run eval:intents [-- --failures] [-- --normaliser NAME]`: precision and recall per intent of the
// conversation intent reader on the development and held-out corpora, and its throughput. Failures are
// printed for the development half only: the held-out half is never tuned on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  scoreCorpus,
  parseCorpus,
  type CorpusScore,
} from '../src/engine/text/intents/corpus/score-corpus.ts';
import { defaultIntentReader } from '../src/engine/text/intents/default-reader.ts';

const corpusDir = fileURLToPath(new URL('../src/engine/text/intents/corpus/', import.meta.url));
const args = process.argv.slice(2);
const reader = defaultIntentReader();
const read = (text: string) => reader.read(text, { year: 2026 });

function table(name: string, score: CorpusScore): string {
  const lines = [
    `${name} (${score.rows} sentences)`,
    '| intent | TP | FP | FN | precision | recall |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of score.perIntent)
    lines.push(
      `| ${s.intent} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} |`,
    );
  lines.push(
    `| **average over intents** | | | | **${score.precision.toFixed(2)}** | **${score.recall.toFixed(2)}** |`,
  );
  lines.push(
    `hedged labels read as hedged: ${score.hedgedRead}/${score.hedgedLabels}; stated people read right: ${score.peopleRight}/${score.peopleLabels}`,
  );
  return lines.join('\n');
}

const dev = parseCorpus(readFileSync(`${corpusDir}dev.jsonl`, 'utf8'));
const heldout = parseCorpus(readFileSync(`${corpusDir}heldout.jsonl`, 'utf8'));
const devScore = scoreCorpus(dev, read);
console.log(table('development half', devScore));
console.log();
console.log(table('held-out half', scoreCorpus(heldout, read)));
if (args.includes('--failures')) {
  console.log('\ndevelopment failures:');
  for (const f of devScore.failures)
    console.log(`${f.id} expected [${f.expected.join(', ')}] got [${f.got.join(', ')}]: ${f.text}`);
}

// Throughput: every sentence of both halves, read repeatedly on a warm reader.
const sentences = [...dev, ...heldout].map((row) => row.text);
for (let i = 0; i < 3; i++) for (const s of sentences) read(s);
const rounds = 20;
const started = process.cpuUsage();
for (let i = 0; i < rounds; i++) for (const s of sentences) read(s);
const cpu = process.cpuUsage(started);
const seconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `\nthroughput: ${Math.round((rounds * sentences.length) / seconds).toLocaleString('en')} sentences per CPU second (${sentences.length} corpus sentences × ${rounds})`,
);
