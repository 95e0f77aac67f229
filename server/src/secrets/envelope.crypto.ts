import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { RipeError } from '@ripe/shared';

/**
 * AES-256-GCM sealed text: `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url parts. The additional
 * authenticated data binds the header and a context (org, name): a ciphertext copied to another org,
 * another row or relabelled with another key id fails to open.
 */
export const sealedFormatVersion = 'v1';
const algorithm = 'aes-256-gcm';
const ivBytes = 12;
const tagBytes = 16;

export interface SealedHeader {
  version: typeof sealedFormatVersion;
  /** The master key id (wrapped data keys) or the data key version (secrets). */
  keyId: string;
}

export function seal(key: Buffer, keyId: string, plaintext: Buffer, context: string): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagBytes });
  cipher.setAAD(additionalData(keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [sealedFormatVersion, keyId, ...parts].join(':');
}

export function readSealedHeader(sealed: string): SealedHeader {
  return parse(sealed).header;
}

/** The plaintext, or `decryption_failed` when the text was altered, moved or sealed by another key. */
export function open(key: Buffer, sealed: string, context: string): Buffer {
  const { header, iv, tag, ciphertext } = parse(sealed);
  try {
    const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: tagBytes });
    decipher.setAAD(additionalData(header.keyId, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (error) {
    // Node's message ("Unsupported state or unable to authenticate data") says nothing more useful.
    throw new RipeError('decryption_failed', `Sealed value for ${context} failed authentication`, {
      cause: error,
    });
  }
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`ripe:${sealedFormatVersion}:${keyId}:${context}`, 'utf8');
}

function parse(sealed: string): { header: SealedHeader; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split(':');
  if (
    version !== sealedFormatVersion ||
    !keyId ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length > 0
  ) {
    throw new RipeError('decryption_failed', 'Sealed value is not in the v1 format');
  }
  const decoded = {
    header: { version, keyId },
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  } as const;
  if (decoded.iv.length !== ivBytes || decoded.tag.length !== tagBytes) {
    throw new RipeError('decryption_failed', 'Sealed value has a malformed iv or tag');
  }
  return decoded;
}
