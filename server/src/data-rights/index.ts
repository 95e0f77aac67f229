export * from './org-tables.ts';
export * from './export-org.ts';
export * from './delete-org.ts';
