// The expansion card compiled with LWC OSS for a plain browser: the same bundle force-app ships, Salesforce's
// lightning-base-components from npm, and local stand-ins for the platform modules (Lightning Data Service,
// toasts, navigation) in force-app/preview/. Labels are the card's English texts; schema imports name the
// installed (namespaced) fields, as the platform resolves them at run time.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import { rollup, type Plugin } from 'rollup';
import { customLabels } from '../../salesforce-package/card-labels.ts';
import { FORCE_APP_DEFAULT, forceAppFiles } from '../../salesforce-package/force-app-files.ts';
import { installedName } from '../../salesforce-package/package-names.ts';

const repositoryRoot = join(import.meta.dirname, '../../../..');
const componentsDir = join(repositoryRoot, FORCE_APP_DEFAULT, 'lwc');
const standInsDir = join(repositoryRoot, 'force-app/preview');

// LWC OSS of the compiler's own version: sfdx-lwc-jest hoists an older engine to the root.
const lwcRequire = createRequire(createRequire(import.meta.url).resolve('lwc'));
const engineDom = lwcRequire.resolve('@lwc/engine-dom');
const syntheticShadow = lwcRequire.resolve('@lwc/synthetic-shadow');

// lightning-base-components ships the @salesforce/i18n values of an en-US user; the card reads the currency.
const scopedImports = join(
  dirname(createRequire(import.meta.url).resolve('lightning-base-components/package.json')),
  'scopedImports',
);

const ENTRY = '\0ripe-preview-entry';
const entrySource = `
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import ExpansionCard from 'c/expansionCard';

const host = document.getElementById('expansion-card');
const card = createElement('c-expansion-card', { is: ExpansionCard });
card.recordId = host.dataset.recordId;
host.appendChild(card);
`;

/** The package's own fields by source name: the platform adds the namespace to these, and only to these. */
function packageFieldNames(): Set<string> {
  const names = [...forceAppFiles().keys()]
    .map((path) => /^objects\/\w+\/fields\/(\w+)\.field-meta\.xml$/.exec(path)?.[1])
    .filter((name): name is string => name !== undefined);
  return new Set(names);
}

/** `Account.Score__c` → `ripe__Score__c`; `DecisionMaker__r.Name` → `ripe__DecisionMaker__r.Name`. */
function installedField(path: string, packaged: ReadonlySet<string>): string {
  const [first = '', ...rest] = path.split('.');
  const field = first.endsWith('__r') ? first.replace(/__r$/, '__c') : first;
  if (!packaged.has(field)) return path;
  return [first.endsWith('__r') ? installedName(first) : installedName(field), ...rest].join('.');
}

function platformModules(): Plugin {
  const labels = new Map(customLabels().map((label) => [`@salesforce/label/c.${label.fullName}`, label.en]));
  const packaged = packageFieldNames();
  const standIns = new Map(
    readdirSync(join(standInsDir, 'lightning')).map((file) => [
      `lightning/${file.replace(/\.js$/, '')}`,
      join(standInsDir, 'lightning', file),
    ]),
  );
  return {
    name: 'ripe-platform-modules',
    resolveId(source) {
      if (source === ENTRY) return ENTRY;
      if (source === 'lwc') return engineDom;
      if (source === '@lwc/synthetic-shadow') return syntheticShadow;
      if (standIns.has(source)) return standIns.get(source);
      if (source.startsWith('@salesforce/i18n/')) {
        const file = join(scopedImports, `${source.replace(/\//g, '-')}.js`);
        if (existsSync(file)) return file;
      }
      if (labels.has(source) || source.startsWith('@salesforce/schema/')) return `\0${source}`;
      return null;
    },
    // LWC and lightning-base-components read the build mode and the target the way a bundler replaces them.
    transform(code) {
      if (!code.includes('process.env.NODE_ENV') && !code.includes('import.meta.env.SSR')) return null;
      return code
        .replaceAll('process.env.NODE_ENV', '"production"')
        .replaceAll('import.meta.env.SSR', 'false');
    },
    load(id) {
      if (id === ENTRY) return entrySource;
      if (!id.startsWith('\0@salesforce/')) return null;
      const source = id.slice(1);
      const label = labels.get(source);
      if (label !== undefined) return `export default ${JSON.stringify(label)};`;
      const [objectApiName = '', ...field] = source.slice('@salesforce/schema/'.length).split('.');
      const reference =
        field.length === 0
          ? { objectApiName }
          : { objectApiName, fieldApiName: installedField(field.join('.'), packaged) };
      return `export default ${JSON.stringify(reference)};`;
    },
  };
}

/** One bundle per bundle directory of force-app, as `c/<name>`. */
function componentModules() {
  return readdirSync(componentsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: `c/${entry.name}`, path: join(componentsDir, entry.name, `${entry.name}.js`) }));
}

let cached: Promise<string> | undefined;

/** The card's browser bundle (an ES module), compiled once per process. */
export function cardBundle(): Promise<string> {
  cached ??= build().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function build(): Promise<string> {
  const bundle = await rollup({
    input: ENTRY,
    plugins: [
      platformModules(),
      lwc({
        rootDir: componentsDir,
        modules: [...componentModules(), { npm: 'lightning-base-components' }],
        defaultModules: [],
      }),
    ],
    onwarn: () => {},
  });
  try {
    const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
    const [chunk] = output;
    return chunk.code;
  } finally {
    await bundle.close();
  }
}

/** Where SLDS's stylesheet and assets are served from. */
export const sldsAssets = join(
  dirname(createRequire(import.meta.url).resolve('@salesforce-ux/design-system/package.json')),
  'assets',
);
