// The reader the engine uses, built once per process.
import { cachedNormaliser } from './normaliser.ts';
import { stemNormaliser } from './stem.normaliser.ts';
import { IntentReader } from './read-intents.ts';

let reader: IntentReader | undefined;

export function defaultIntentReader(): IntentReader {
  reader ??= new IntentReader(cachedNormaliser(stemNormaliser()));
  return reader;
}
