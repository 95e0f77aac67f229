export * from './master-keyring.ts';
export * from './envelope.crypto.ts';
export * from './data-keys.repository.ts';
export * from './secrets.repository.ts';
export * from './key-rotation.ts';
export * from './config-keyring.ts';
