import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { expect, it } from 'vitest';
import { createApiKey } from '../../access/api-keys.repository.ts';
import { addMember } from '../../access/members.repository.ts';
import { provisionOrg } from '../../access/provision-org.ts';
import { parseEnv } from '../../config/env.ts';
import { seededSecretValue } from '../../data-rights/testing/org-seeders.ts';
import { readArchive } from '../../data-rights/testing/read-archive.ts';
import { createSecretsRepository, keyringFromConfig } from '../../secrets/index.ts';
import { withOrg } from '../../store/index.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { createTestApp } from '../testing/test-app.ts';

const config = parseEnv({ NODE_ENV: 'test', RIPE_MASTER_KEY: randomBytes(32).toString('base64') });
const keyring = keyringFromConfig(config.secrets);

/** Collects a binary response body as a Buffer. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describeOnEachBackend(process.env.DATABASE_URL, 'data rights routes', ({ db }) => {
  async function orgWithKeys(name: string) {
    const { org, token } = await provisionOrg(db(), {
      name,
      crm: 'sandbox',
      admin: { email: `admin@${name}.example`, name: 'Ann' },
    });
    const memberToken = await withOrg(db(), org.id, async (tx) => {
      const member = await addMember(tx, { email: `mo@${name}.example`, name: 'Mo', role: 'member' });
      await createSecretsRepository(keyring!).putSecret(
        tx,
        'salesforce.refresh_token',
        seededSecretValue(org.id),
      );
      return (await createApiKey(tx, { memberId: member.id, name: 'mo', scopes: ['read', 'write', 'admin'] }))
        .token;
    });
    return { orgId: org.id, adminToken: token, memberToken };
  }

  it('streams the export to an admin, audits it, and refuses members and other orgs', async () => {
    const { app } = createTestApp(db(), { config });
    const a = await orgWithKeys('a');
    const b = await orgWithKeys('b');
    const response = await request(app)
      .get(`/v1/orgs/${a.orgId}/export`)
      .set('authorization', `Bearer ${a.adminToken}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="ripe-export-org_\w+-\d{4}-\d{2}-\d{2}\.tar\.gz"$/,
    );
    const archive = await readArchive(response.body as Buffer);
    expect(archive.manifest.orgId).toBe(a.orgId);
    expect(
      archive
        .rows('members')
        .map((member) => member.email)
        .sort(),
    ).toStrictEqual(['admin@a.example', 'mo@a.example']);
    const everything = [...archive.files.values()].join('\n');
    expect(everything).not.toContain(b.orgId);
    expect(everything).not.toContain(seededSecretValue(a.orgId));

    const audit = await request(app)
      .get(`/v1/orgs/${a.orgId}/audit`)
      .set('authorization', `Bearer ${a.adminToken}`)
      .expect(200);
    expect(audit.body).toMatchObject({ entries: [{ action: 'org.exported' }], nextBefore: null });
    expect(audit.body.entries[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    for (const path of ['export', 'audit']) {
      await request(app)
        .get(`/v1/orgs/${a.orgId}/${path}`)
        .set('authorization', `Bearer ${a.memberToken}`)
        .expect(403);
      await request(app)
        .get(`/v1/orgs/${b.orgId}/${path}`)
        .set('authorization', `Bearer ${a.adminToken}`)
        .expect(404);
    }
  });

  it('deletes the org only with the confirmation, and its keys stop working', async () => {
    const { app } = createTestApp(db(), { config });
    const a = await orgWithKeys('a');
    const b = await orgWithKeys('b');
    const auth = `Bearer ${a.adminToken}`;
    await request(app)
      .delete(`/v1/orgs/${b.orgId}`)
      .set('authorization', auth)
      .send({ confirm: b.orgId })
      .expect(404);
    await request(app)
      .delete(`/v1/orgs/${a.orgId}`)
      .set('authorization', `Bearer ${a.memberToken}`)
      .send({ confirm: a.orgId })
      .expect(403);
    const mismatch = await request(app)
      .delete(`/v1/orgs/${a.orgId}`)
      .set('authorization', auth)
      .send({ confirm: 'yes' })
      .expect(400);
    expect(mismatch.body.error.code).toBe('confirmation_mismatch');
    await request(app).delete(`/v1/orgs/${a.orgId}`).set('authorization', auth).send({}).expect(400);

    const deleted = await request(app)
      .delete(`/v1/orgs/${a.orgId}`)
      .set('authorization', auth)
      .send({ confirm: a.orgId })
      .expect(200);
    expect(deleted.body).toMatchObject({ orgId: a.orgId, deletedRows: { orgs: 1, members: 2, secrets: 1 } });
    await request(app).get(`/v1/orgs/${a.orgId}`).set('authorization', auth).expect(401);
    await request(app).get(`/v1/orgs/${b.orgId}`).set('authorization', `Bearer ${b.adminToken}`).expect(200);
  });
});
