import { RipeError } from '@ripe/shared';
import { z } from 'zod';
import {
  addMember,
  countAdmins,
  getMember,
  listMembers,
  removeMember,
  updateMember,
  type Member,
} from '../../access/members.repository.ts';
import { memberRoles } from '../../access/roles.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { OrgTransaction } from '../../store/org-scope.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { found } from '../api/found.ts';
import { orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const roleSchema = z.enum(memberRoles);
export const memberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    createdAt: timestamp(),
  })
  .meta({ id: 'Member' });

const orgParams = z.object({ orgId: orgIdParam });
const memberParams = z.object({ orgId: orgIdParam, memberId: z.uuid() });
const tags = ['members'];
const adminRead = { role: 'admin', scope: 'read' } as const;
const adminWrite = { role: 'admin', scope: 'admin' } as const;

const me = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/me',
  summary: 'The member the API key belongs to',
  tags,
  access: { role: 'member', scope: 'read' },
  params: orgParams,
  response: memberSchema,
  handler: async ({ withOrg, auth }) => found(await withOrg((tx) => getMember(tx, auth.memberId)), 'Member'),
});

const list = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/members',
  summary: "The org's members",
  tags,
  access: adminRead,
  params: orgParams,
  response: z.array(memberSchema),
  handler: ({ withOrg }) => withOrg(listMembers),
});

const get = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/members/:memberId',
  summary: 'One member',
  tags,
  access: adminRead,
  params: memberParams,
  response: memberSchema,
  handler: async ({ withOrg, params }) =>
    found(await withOrg((tx) => getMember(tx, params.memberId)), 'Member'),
});

const create = defineOrgRoute({
  method: 'post',
  path: '/orgs/:orgId/members',
  summary: 'Adds a member',
  tags,
  access: adminWrite,
  params: orgParams,
  body: z.object({ email: z.email(), name: z.string().min(1).max(200), role: roleSchema }),
  bodyExample: { email: 'ann@acme.example', name: 'Ann Lee', role: 'manager' },
  status: 201,
  response: memberSchema,
  handler: ({ withOrg, body, auth }) =>
    withOrg(async (tx) => {
      const member = await addMember(tx, body);
      await recordAudit(tx, {
        actor: auth.memberId,
        action: 'member.added',
        target: member.id,
        details: { email: member.email, role: member.role },
      });
      return member;
    }),
});

const update = defineOrgRoute({
  method: 'patch',
  path: '/orgs/:orgId/members/:memberId',
  summary: "Changes a member's name or role",
  tags,
  access: adminWrite,
  params: memberParams,
  body: z.object({ name: z.string().min(1).max(200).optional(), role: roleSchema.optional() }),
  bodyExample: { role: 'member' },
  response: memberSchema,
  handler: ({ withOrg, params, body, auth }) =>
    withOrg(async (tx) => {
      const member = found(await getMember(tx, params.memberId), 'Member');
      if (body.role && body.role !== 'admin') await keepAnAdmin(tx, member);
      const updated = found(await updateMember(tx, params.memberId, body), 'Member');
      await recordAudit(tx, {
        actor: auth.memberId,
        action: 'member.updated',
        target: member.id,
        details: body,
      });
      return updated;
    }),
});

const remove = defineOrgRoute({
  method: 'delete',
  path: '/orgs/:orgId/members/:memberId',
  summary: 'Removes a member and their API keys',
  tags,
  access: adminWrite,
  params: memberParams,
  status: 204,
  response: z.void(),
  handler: ({ withOrg, params, auth }) =>
    withOrg(async (tx) => {
      const member = found(await getMember(tx, params.memberId), 'Member');
      await keepAnAdmin(tx, member);
      await removeMember(tx, params.memberId);
      await recordAudit(tx, {
        actor: auth.memberId,
        action: 'member.removed',
        target: member.id,
        details: { email: member.email },
      });
    }),
});

/** An org always keeps one admin: the last one can be neither demoted nor removed. */
async function keepAnAdmin(tx: OrgTransaction, member: Member): Promise<void> {
  if (member.role === 'admin' && (await countAdmins(tx)) <= 1) {
    throw new RipeError('conflict', 'The last admin of an org can be neither demoted nor removed');
  }
}

export const membersRouter: RouterFactory = (deps) =>
  apiRouter(deps, [me, list, get, create, update, remove]);
