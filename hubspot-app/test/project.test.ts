// The HubSpot project as HubSpot's own parser reads it (HubSpot cannot validate a project without an account):
// every component there with its type, location and entrypoint, each file of the documented shape, the backend
// URL from the config profile, and the scopes the backend asks for.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKnownPlatformVersion } from '@hubspot/project-parsing-lib/projects';
import { translate, type IntermediateRepresentation } from '@hubspot/project-parsing-lib/translate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotScopes } from '../../server/src/connectors/hubspot/provider.ts';
import rootPackage from '../../package.json' with { type: 'json' };
import { appHsmetaSchema, cardHsmetaSchema, hsprojectSchema, settingsHsmetaSchema } from './hsmeta.schema.ts';

const root = join(import.meta.dirname, '..', '..');
const project = hsprojectSchema.parse(JSON.parse(readFileSync(join(root, 'hsproject.json'), 'utf8')));
const srcDir = join(root, project.srcDir);
const backendUrl = 'https://ripe.example.com';
// The backend's OAuth callback: `${apiPrefix}/oauth/${crm}/callback` in server/src/http/routes/connections.routes.ts.
const callbackPath = '/v1/oauth/hubspot/callback';

let copy: string;
let ir: IntermediateRepresentation;

beforeAll(async () => {
  // translate() reads the profile from the source folder: a copy gets a profile as `hs project profile add` writes.
  copy = mkdtempSync(join(tmpdir(), 'ripe-hubspot-project-'));
  cpSync(srcDir, copy, { recursive: true, filter: (path) => !path.includes('node_modules') });
  writeFileSync(
    join(copy, 'hsprofile.test.json'),
    JSON.stringify({ accountId: 123456, variables: { RIPE_PUBLIC_URL: backendUrl } }),
  );
  const translated = await translate(
    { projectSourceDir: copy, platformVersion: project.platformVersion, accountId: 123456 },
    // Schema validation downloads HubSpot's schemas: the zod schemas of hsmeta.schema.ts stand in for it.
    { skipValidation: true, profile: 'test' },
  );
  expect(translated.skippedHsMetaFiles).toEqual([]);
  ir = translated.intermediateRepresentation;
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

const node = (uid: string) => {
  const found = ir.intermediateNodesIndexedByUid[uid];
  if (!found)
    throw new Error(`no component ${uid} in ${Object.keys(ir.intermediateNodesIndexedByUid).join(', ')}`);
  return found;
};

describe('the HubSpot project', () => {
  it('is on platform 2026.03 with its source in hubspot-app/src', () => {
    expect(project).toStrictEqual({ name: 'ripe', srcDir: 'hubspot-app/src', platformVersion: '2026.03' });
    expect(isKnownPlatformVersion(project.platformVersion)).toBe(true);
  });

  it('holds the app, the company card and the settings page, and nothing else', () => {
    const components = Object.values(ir.intermediateNodesIndexedByUid).map((component) => [
      component.uid,
      component.componentType,
      component.metaFilePath,
    ]);
    expect(components.sort()).toEqual([
      ['ripe_app', 'APPLICATION', 'app/app-hsmeta.json'],
      ['ripe_expansion_card', 'CARD', 'app/cards/expansion-card-hsmeta.json'],
      ['ripe_settings', 'SETTINGS', 'app/settings/settings-hsmeta.json'],
    ]);
    expect(node('ripe_expansion_card').componentDeps).toMatchObject({ app: 'ripe_app' });
    expect(node('ripe_settings').componentDeps).toMatchObject({ app: 'ripe_app' });
  });

  it('puts the card in a tab of the company record, its entrypoint a file of the project', () => {
    const card = cardHsmetaSchema.parse({
      uid: 'ripe_expansion_card',
      type: 'card',
      config: node('ripe_expansion_card').config,
    });
    expect(card.config).toMatchObject({
      location: 'crm.record.tab',
      objectTypes: ['companies'],
      entrypoint: '/app/cards/ExpansionCard.tsx',
    });
    expect(existsSync(join(srcDir, card.config.entrypoint))).toBe(true);
  });

  it('points the settings page at its entrypoint', () => {
    const settings = settingsHsmetaSchema.parse({
      uid: 'ripe_settings',
      type: 'settings',
      config: node('ripe_settings').config,
    });
    expect(settings.config.entrypoint).toBe('/app/settings/SettingsPage.tsx');
    expect(existsSync(join(srcDir, settings.config.entrypoint))).toBe(true);
  });

  it("is a marketplace OAuth app whose redirect and fetch URLs are the profile's backend URL", () => {
    const app = appHsmetaSchema.parse({ uid: 'ripe_app', type: 'app', config: node('ripe_app').config });
    expect(app.config.distribution).toBe('marketplace');
    expect(app.config.auth.type).toBe('oauth');
    expect(app.config.auth.redirectUrls).toEqual([`${backendUrl}${callbackPath}`]);
    expect(app.config.permittedUrls.fetch).toEqual([backendUrl]);
    expect(ir.profileData?.vars.profileVariables).toEqual({
      RIPE_PUBLIC_URL: { variableType: 'PROFILE_STRING', value: backendUrl },
    });
  });

  it('asks for the scopes the backend requests at install, no more and no fewer', () => {
    const app = appHsmetaSchema.parse({ uid: 'ripe_app', type: 'app', config: node('ripe_app').config });
    expect([...app.config.auth.requiredScopes].sort()).toEqual([...hubspotScopes].sort());
    expect(app.config.auth.optionalScopes).toEqual([]);
  });

  it('names no backend URL in its files: RIPE_PUBLIC_URL, a profile variable, is the only one used', () => {
    const hsmetaFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === 'node_modules'
            ? []
            : hsmetaFiles(join(dir, entry.name))
          : entry.name.endsWith('-hsmeta.json')
            ? [join(dir, entry.name)]
            : [],
      );
    const files = hsmetaFiles(srcDir);
    expect(files).toHaveLength(3);
    const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(new Set([...text.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]))).toEqual(
      new Set(['RIPE_PUBLIC_URL']),
    );
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
    // The React code reads the same variable from the extension's context.
    for (const entry of ['app/cards/ExpansionCard.tsx', 'app/settings/SettingsPage.tsx'])
      expect(readFileSync(join(srcDir, entry), 'utf8')).toContain('context.variables?.RIPE_PUBLIC_URL');
  });

  it("gives each component folder the package.json HubSpot builds it with, on the repository's versions", () => {
    const devDependencies: Record<string, string> = rootPackage.devDependencies;
    for (const folder of ['app/cards', 'app/settings']) {
      const manifest = JSON.parse(readFileSync(join(srcDir, folder, 'package.json'), 'utf8'));
      expect(manifest.dependencies, folder).toStrictEqual({
        '@hubspot/ui-extensions': devDependencies['@hubspot/ui-extensions'],
        react: devDependencies.react,
        zod: devDependencies.zod,
      });
    }
  });

  it('keeps the two copies of the backend client identical', () => {
    const read = (folder: string) =>
      readFileSync(join(srcDir, 'app', folder, 'api', 'ripe-client.ts'), 'utf8');
    expect(read('settings')).toBe(read('cards'));
  });
});
