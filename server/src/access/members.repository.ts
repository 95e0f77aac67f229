import { RipeError } from '@ripe/shared';
import type { OrgTransaction } from '../store/org-scope.ts';
import { firstRow } from '../store/rows.ts';
import { isUniqueViolation } from './errors.ts';
import type { MemberRole } from './roles.ts';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: MemberRole;
  createdAt: Date;
}

export interface NewMember {
  email: string;
  name: string;
  role: MemberRole;
}

export interface MemberChange {
  name?: string;
  role?: MemberRole;
}

interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: MemberRole;
  created_at: Date;
}

const memberColumns = 'id::text, email, name, role, created_at';

/** Adds a member; an email already in the org is a `conflict`. */
export async function addMember(tx: OrgTransaction, member: NewMember): Promise<Member> {
  try {
    const { rows } = await tx.query<MemberRow>(
      `insert into members (org_id, email, name, role) values ($1, $2, $3, $4) returning ${memberColumns}`,
      [tx.orgId, member.email, member.name, member.role],
    );
    return toMember(firstRow(rows));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new RipeError('conflict', 'A member with this email already exists', { cause: error });
    }
    throw error;
  }
}

export async function listMembers(tx: OrgTransaction): Promise<Member[]> {
  const { rows } = await tx.query<MemberRow>(
    `select ${memberColumns} from members where org_id = $1 order by created_at, id`,
    [tx.orgId],
  );
  return rows.map(toMember);
}

/** The org's member with this email, compared without case; undefined when none. */
export async function findMemberByEmail(tx: OrgTransaction, email: string): Promise<Member | undefined> {
  const { rows } = await tx.query<MemberRow>(
    `select ${memberColumns} from members where org_id = $1 and lower(email) = lower($2) order by created_at limit 1`,
    [tx.orgId, email],
  );
  return rows[0] ? toMember(rows[0]) : undefined;
}

export async function getMember(tx: OrgTransaction, memberId: string): Promise<Member | undefined> {
  const { rows } = await tx.query<MemberRow>(
    `select ${memberColumns} from members where org_id = $1 and id = $2::uuid`,
    [tx.orgId, memberId],
  );
  return rows[0] ? toMember(rows[0]) : undefined;
}

/** Changes a member's name and/or role; `undefined` when the org has no such member. */
export async function updateMember(
  tx: OrgTransaction,
  memberId: string,
  change: MemberChange,
): Promise<Member | undefined> {
  const { rows } = await tx.query<MemberRow>(
    `update members set name = coalesce($3, name), role = coalesce($4, role)
     where org_id = $1 and id = $2::uuid
     returning ${memberColumns}`,
    [tx.orgId, memberId, change.name ?? null, change.role ?? null],
  );
  return rows[0] ? toMember(rows[0]) : undefined;
}

/** Removes a member and, by cascade, their API keys; false when there was no such member. */
export async function removeMember(tx: OrgTransaction, memberId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`delete from members where org_id = $1 and id = $2::uuid`, [
    tx.orgId,
    memberId,
  ]);
  return rowCount > 0;
}

/**
 * The org's admins, locked until the transaction ends: two admins demoting each other at once take
 * turns, and the second sees the first's change (the last-admin rule holds under concurrency).
 */
export async function countAdmins(tx: OrgTransaction): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    `select id::text from members where org_id = $1 and role = 'admin' for update`,
    [tx.orgId],
  );
  return rows.length;
}

function toMember(row: MemberRow): Member {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at };
}
