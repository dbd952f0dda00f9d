import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/env.js';
import { unprocessable } from '../api/errors.js';
import { randomToken } from '../lib/crypto.js';

/**
 * Avatars and headers, stored as files under `PARLEY_DATA_DIR/media/accounts/<kind>/<account>/`
 * and served at `/system/accounts/<kind>/<account>/<file>`. Only PNG, JPEG, GIF and WebP are
 * accepted, recognised by their bytes (never by the name or declared type, and never SVG).
 */
export type ProfileImageKind = 'avatars' | 'headers';
export const PROFILE_IMAGE_KINDS: readonly ProfileImageKind[] = ['avatars', 'headers'];
/** Mastodon's limit for avatars and headers. */
export const MAX_PROFILE_IMAGE_BYTES = 8 * 1024 * 1024;

const TYPES = [
  { ext: 'png', mime: 'image/png', test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: 'jpg', mime: 'image/jpeg', test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', mime: 'image/gif', test: (b: Buffer) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { ext: 'webp', mime: 'image/webp', test: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
] as const;

const FILE_NAME = /^[A-Za-z0-9_-]{16,64}\.(png|jpg|gif|webp)$/;

export function mimeTypeOf(fileName: string): string | null {
  const ext = path.extname(fileName).slice(1);
  return TYPES.find((t) => t.ext === ext)?.mime ?? null;
}

/** Throws a 422 naming the field unless `data` is a supported image within the size limit. */
export function checkProfileImage(kind: ProfileImageKind, data: Buffer): void {
  const label = kind === 'avatars' ? 'Avatar' : 'Header';
  if (data.length > MAX_PROFILE_IMAGE_BYTES) throw unprocessable(`Validation failed: ${label} file size must be less than 8 MB`);
  if (!TYPES.some((t) => t.test(data))) throw unprocessable(`Validation failed: ${label} must be a PNG, JPEG, GIF or WebP image`);
}

/** Writes the image and returns its public URL. */
export async function storeProfileImage(config: Config, kind: ProfileImageKind, accountId: number, data: Buffer): Promise<string> {
  const type = TYPES.find((t) => t.test(data));
  if (!type) throw new Error('checkProfileImage must run first');
  const name = `${randomToken(16)}.${type.ext}`;
  const dir = path.join(config.dataDir, 'media', 'accounts', kind, String(accountId));
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, name), data, { flag: 'wx' });
  return `${config.publicUrl}/system/accounts/${kind}/${accountId}/${name}`;
}

/** The file behind a stored image URL, or null when the URL is not one of ours. */
export function profileImageFile(config: Config, kind: string, accountId: string, fileName: string): string | null {
  if (!(PROFILE_IMAGE_KINDS as readonly string[]).includes(kind) || !/^\d{1,16}$/.test(accountId) || !FILE_NAME.test(fileName)) return null;
  return path.join(config.dataDir, 'media', 'accounts', kind, accountId, fileName);
}

/** Deletes a previously stored image; URLs that are not ours (remote avatars) are left alone. */
export async function removeProfileImage(config: Config, url: string | null): Promise<void> {
  const prefix = `${config.publicUrl}/system/accounts/`;
  if (!url || !url.startsWith(prefix)) return;
  const [kind = '', accountId = '', fileName = ''] = url.slice(prefix.length).split('/');
  const file = profileImageFile(config, kind, accountId, fileName);
  if (file) await fs.rm(file, { force: true });
}
