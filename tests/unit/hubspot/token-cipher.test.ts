import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { AppError } from '../../../src/errors.ts';
import { createTokenCipher, type TokenContext } from '../../../src/hubspot/token-cipher.ts';

const oldKey = { id: 'k2024', key: randomBytes(32) };
const newKey = { id: 'k2025', key: randomBytes(32) };
const portalA: TokenContext = { portalId: '62515', purpose: 'refresh-token' };
const portalB: TokenContext = { portalId: '99999', purpose: 'refresh-token' };
const token = 'na1-f4c3-9b2e-41d0-a6c1-6f0e2d8e7b1a';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

describe('createTokenCipher', () => {
  test('when a token is encrypted and decrypted for the same portal and purpose, then it round-trips', () => {
    const cipher = createTokenCipher([newKey]);
    const stored = cipher.encrypt(token, portalA);
    expect(stored).toMatch(/^v1:k2025:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(token);
    expect(cipher.decrypt(stored, portalA)).toBe(token);
  });

  test('when any string is encrypted, then it round-trips (property)', () => {
    const cipher = createTokenCipher([newKey]);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => cipher.decrypt(cipher.encrypt(text, portalA), portalA) === text));
  });

  test('when the same token is encrypted twice, then the IVs and ciphertexts differ', () => {
    const cipher = createTokenCipher([newKey]);
    const first = cipher.encrypt(token, portalA).split(':');
    const second = cipher.encrypt(token, portalA).split(':');
    expect(first[2]).not.toBe(second[2]);
    expect(first[4]).not.toBe(second[4]);
  });

  test("when a ciphertext is copied into another portal's row, then decryption fails with a typed error", () => {
    const cipher = createTokenCipher([newKey]);
    const stored = cipher.encrypt(token, portalA);
    expect(codeOf(() => cipher.decrypt(stored, portalB))).toBe('token-cipher.rejected');
  });

  test('when an access-token ciphertext is read as a refresh token, then decryption fails', () => {
    const cipher = createTokenCipher([newKey]);
    const stored = cipher.encrypt(token, { portalId: '62515', purpose: 'access-token' });
    expect(codeOf(() => cipher.decrypt(stored, portalA))).toBe('token-cipher.rejected');
  });

  test.each([
    ['iv', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ])('when one bit of the %s is flipped, then decryption fails', (_name, index) => {
    const cipher = createTokenCipher([newKey]);
    const parts = cipher.encrypt(token, portalA).split(':');
    const bytes = Buffer.from(parts[index] ?? '', 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    parts[index] = bytes.toString('base64url');
    expect(codeOf(() => cipher.decrypt(parts.join(':'), portalA))).toBe('token-cipher.rejected');
  });

  test('when the key is rotated, then old ciphertexts still decrypt and are flagged for re-encryption', () => {
    const before = createTokenCipher([oldKey]);
    const stored = before.encrypt(token, portalA);
    const after = createTokenCipher([newKey, oldKey]);
    expect(after.decrypt(stored, portalA)).toBe(token);
    expect(after.needsReencryption(stored)).toBe(true);
    const fresh = after.encrypt(token, portalA);
    expect(fresh.startsWith('v1:k2025:')).toBe(true);
    expect(after.needsReencryption(fresh)).toBe(false);
  });

  test('when the key named in a ciphertext was removed from the keyring, then decryption fails as unknown-key', () => {
    const stored = createTokenCipher([oldKey]).encrypt(token, portalA);
    expect(codeOf(() => createTokenCipher([newKey]).decrypt(stored, portalA))).toBe('token-cipher.unknown-key');
  });

  test('when a key with the same id but different bytes is used, then decryption fails', () => {
    const stored = createTokenCipher([newKey]).encrypt(token, portalA);
    const impostor = createTokenCipher([{ id: newKey.id, key: randomBytes(32) }]);
    expect(codeOf(() => impostor.decrypt(stored, portalA))).toBe('token-cipher.rejected');
  });

  test.each([
    ['a plaintext token stored before encryption', token],
    ['an empty string', ''],
    ['a future version', 'v2:k2025:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a missing key id', 'v1::AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a short IV', 'v1:k2025:AAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a short tag', 'v1:k2025:AAAAAAAAAAAAAAAA:AAAA:AAAA'],
    ['non-base64url characters', 'v1:k2025:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AA+/'],
    ['too many parts', 'v1:k2025:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA:AAAA'],
  ])('when the stored value is %s, then decrypt and needsReencryption fail as malformed, never returning it', (_name, value) => {
    const cipher = createTokenCipher([newKey]);
    expect(codeOf(() => cipher.decrypt(value, portalA))).toBe('token-cipher.malformed');
    expect(codeOf(() => cipher.needsReencryption(value))).toBe('token-cipher.malformed');
  });

  test('when the portal id is empty or contains the AAD separator, then encryption is refused', () => {
    const cipher = createTokenCipher([newKey]);
    expect(codeOf(() => cipher.encrypt(token, { portalId: '', purpose: 'access-token' }))).toBe('token-cipher.bad-context');
    expect(codeOf(() => cipher.encrypt(token, { portalId: '1|x', purpose: 'access-token' }))).toBe('token-cipher.bad-context');
  });

  test('when the keyring is empty, has a short key, a bad id or a duplicate id, then building the cipher fails', () => {
    expect(codeOf(() => createTokenCipher([]))).toBe('token-cipher.no-keys');
    expect(codeOf(() => createTokenCipher([{ id: 'k', key: randomBytes(16) }]))).toBe('token-cipher.bad-key');
    expect(codeOf(() => createTokenCipher([{ id: 'k:1', key: randomBytes(32) }]))).toBe('token-cipher.bad-key');
    expect(codeOf(() => createTokenCipher([newKey, { ...oldKey, id: newKey.id }]))).toBe('token-cipher.bad-key');
  });
});
