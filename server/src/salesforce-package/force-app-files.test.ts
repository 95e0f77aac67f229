import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldCatalogue } from '@ripe/shared';
import { cardTexts, customLabels } from './card-labels.ts';
import { FORCE_APP_DEFAULT, forceAppFiles, GENERATED_FOLDERS } from './force-app-files.ts';
import { filesUnder } from './generate-force-app.ts';
import { PACKAGE_NAMESPACE, sourceName } from './package-names.ts';
import { picklistValueLabels, picklistValues } from './picklist-labels.ts';
import { repositoryRoot } from './testing/converted-package.ts';

const base = join(repositoryRoot, FORCE_APP_DEFAULT);
const lwc = (path: string) => readFile(join(base, 'lwc', path), 'utf8');

describe('force-app against its generator', () => {
  const generated = forceAppFiles();

  it('holds exactly what the generator writes from the catalogue (npm run generate:force-app)', async () => {
    const drifted: string[] = [];
    for (const [path, content] of generated) {
      const committed = await readFile(join(base, path), 'utf8').catch(() => null);
      if (committed !== content) drifted.push(path);
    }
    expect(drifted).toEqual([]);
  });

  it('holds no file the generator no longer writes in the folders it owns', async () => {
    const owned = (await Promise.all(GENERATED_FOLDERS.map((path) => filesUnder(base, path)))).flat();
    expect(owned.filter((path) => !generated.has(path))).toEqual([]);
    expect(owned.length).toBe(generated.size);
  });
});

describe('the project', () => {
  it('is the ripe namespace at API 68.0, and every bundle says so too', async () => {
    const project = JSON.parse(await readFile(join(repositoryRoot, 'sfdx-project.json'), 'utf8')) as {
      namespace: string;
      sourceApiVersion: string;
    };
    expect(project.namespace).toBe(PACKAGE_NAMESPACE);
    expect(project.sourceApiVersion).toBe('68.0');
    for (const bundle of [
      'expansionCard',
      'expansionDecisionModal',
      'usageChart',
      'errorPanel',
      'ldsUtils',
      'ripeLabels',
    ])
      expect(await lwc(`${bundle}/${bundle}.js-meta.xml`), bundle).toContain('<apiVersion>68.0</apiVersion>');
  });
});

describe('labels', () => {
  it('name every catalogue picklist value in English and French, and nothing else', () => {
    expect(Object.keys(picklistValueLabels).sort()).toEqual([...new Set(picklistValues)].sort());
    for (const [value, label] of Object.entries(picklistValueLabels)) {
      expect(label.en, value).not.toBe('');
      expect(label.fr, value).not.toBe('');
    }
  });

  it('give every custom label a distinct name the platform accepts', () => {
    const names = customLabels().map((label) => label.fullName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,79}$/);
  });

  it('cover every text the card and its parts read', async () => {
    const sources = await Promise.all(
      [
        'expansionCard/expansionCard',
        'expansionDecisionModal/expansionDecisionModal',
        'usageChart/usageChart',
        'errorPanel/errorPanel',
      ].flatMap((path) => [lwc(`${path}.js`), lwc(`${path}.html`)]),
    );
    const used = new Set(
      sources.flatMap((source) => [...source.matchAll(/\b(?:LABELS|labels)\.(\w+)/g)].map((m) => m[1] ?? '')),
    );
    used.delete('values');
    expect([...used].filter((key) => !(key in cardTexts))).toEqual([]);
    // And the card reads picklist values through LABELS.values, generated from the catalogue.
    expect(sources.join('\n')).toContain('LABELS.values[');
  });
});

describe('the card', () => {
  it('imports every Account field of the catalogue, by its source-format name', async () => {
    const fieldsModule = await lwc('expansionCard/fields.js');
    const imported = [...fieldsModule.matchAll(/@salesforce\/schema\/Account\.(\w+)'/g)].map(
      (m) => m[1] ?? '',
    );
    const catalogue = fieldCatalogue.map((entry) => sourceName(entry.salesforce));
    expect(imported.filter((name) => name !== 'Name').sort()).toEqual([...catalogue].sort());
    expect(fieldsModule).toContain("'@salesforce/schema/Account.DecisionMaker__r.Name'");
  });

  it('writes only human-owned fields', async () => {
    const decisions = await lwc('expansionCard/decisions.js');
    const written = [...decisions.matchAll(/\[FIELD\.(\w+),/g)].map((m) => m[1] ?? '');
    const humanOwned = new Set(
      fieldCatalogue
        .filter((entry) => entry.humanOwned)
        .map((entry) => entry.name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())),
    );
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((name) => !humanOwned.has(name))).toEqual([]);
  });
});
