import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease owner id unique to this process: a restarted process is a new owner, and resumes as one. */
export function processOwner(role: string): string {
  return `${role}-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
