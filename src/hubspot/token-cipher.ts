/**
 * Encrypts OAuth tokens at rest (RELIABILITY.md T10): AES-256-GCM, a random 96-bit IV per
 * encryption, a 128-bit tag, and additional authenticated data binding each ciphertext to its
 * portal and purpose, so a ciphertext copied into another portal's row fails to decrypt instead
 * of handing portal B's token to portal A. Stored as `v1:<keyId>:<iv>:<tag>:<ct>` (base64url).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';

/** One entry of `config.tokenEncryptionKeys`. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

/** What a ciphertext holds; part of the AAD, so an access token never decrypts as a refresh token. */
export type TokenPurpose = 'access-token' | 'refresh-token';

/** Which row a ciphertext belongs to. */
export interface TokenContext {
  portalId: string;
  purpose: TokenPurpose;
}

export interface TokenCipher {
  /** Encrypts with the first (current) key. */
  encrypt(plaintext: string, context: TokenContext): string;
  /**
   * Decrypts with the key named in the ciphertext. Throws an {@link AppError}
   * (`token-cipher.malformed`, `token-cipher.unknown-key`, `token-cipher.rejected`) and never
   * falls back to returning the stored text.
   */
  decrypt(ciphertext: string, context: TokenContext): string;
  /** True when the ciphertext was made with a key other than the current one (rotation). */
  needsReencryption(ciphertext: string): boolean;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Builds a cipher over a keyring: the first key encrypts, every key decrypts. */
export function createTokenCipher(keys: readonly TokenKey[]): TokenCipher {
  const current = keys[0];
  if (current === undefined) throw new AppError('token-cipher.no-keys', 'TOKEN_ENCRYPTION_KEY must hold at least one key');
  const byId = new Map<string, Buffer>();
  for (const { id, key } of keys) {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new AppError('token-cipher.bad-key', `key id "${id}" must be letters, digits, - or _`);
    if (key.length !== 32) throw new AppError('token-cipher.bad-key', `key "${id}" must be 32 bytes for AES-256`);
    if (byId.has(id)) throw new AppError('token-cipher.bad-key', `key id "${id}" is listed twice`);
    byId.set(id, key);
  }

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return [VERSION, current.id, ...parts].join(':');
    },

    decrypt(ciphertext, context) {
      const { keyId, iv, tag, body } = parse(ciphertext);
      const key = byId.get(keyId);
      if (key === undefined) {
        throw new AppError('token-cipher.unknown-key', `no key "${keyId}" in TOKEN_ENCRYPTION_KEY; was it removed too early?`, {
          details: { keyId, portalId: context.portalId },
        });
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(additionalData(context));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new AppError('token-cipher.rejected', 'stored token failed authentication: wrong key, wrong portal or tampered', {
          cause,
          details: { keyId, portalId: context.portalId, purpose: context.purpose },
        });
      }
    },

    needsReencryption(ciphertext) {
      return parse(ciphertext).keyId !== current.id;
    },
  };
}

function additionalData({ portalId, purpose }: TokenContext): Buffer {
  if (portalId.length === 0 || portalId.includes('|')) throw new AppError('token-cipher.bad-context', 'portalId must be non-empty and contain no "|"');
  return Buffer.from(`${portalId}|${purpose}|${VERSION}`, 'utf8');
}

function parse(ciphertext: string): { keyId: string; iv: Buffer; tag: Buffer; body: Buffer } {
  const parts = ciphertext.split(':');
  const [version, keyId = '', iv = '', tag = '', body = ''] = parts;
  const wellFormed = parts.length === 5 && version === VERSION && keyId.length > 0 && [iv, tag].every((part) => BASE64URL.test(part));
  const decoded = { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url') };
  if (!wellFormed || !/^[A-Za-z0-9_-]*$/.test(body) || decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new AppError('token-cipher.malformed', `stored token is not a ${VERSION} ciphertext`);
  }
  return { keyId, iv: decoded.iv, tag: decoded.tag, body: Buffer.from(body, 'base64url') };
}
