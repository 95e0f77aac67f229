export * from './audit.repository.ts';
export { redactDetails, redacted } from './audit-details.ts';
