import type { AppContext } from '../context.js';
import { nowIso } from '../lib/time.js';
import { loadAccountAndUser } from './account-queries.js';
import { removeProfileImage, type ProfileImageKind } from './profile-images.js';

/** DELETE /api/v1/profile/avatar and /header: back to the default image; the file goes too. */
export async function deleteProfileImage(ctx: AppContext, accountId: number, kind: ProfileImageKind) {
  const column = kind === 'avatars' ? 'avatar_url' : 'header_url';
  const { account } = await loadAccountAndUser(ctx.database.db, accountId);
  await ctx.database.db.updateTable('accounts').set({ [column]: null, updated_at: nowIso() }).where('id', '=', accountId).execute();
  await removeProfileImage(ctx.config, account[column]);
  return loadAccountAndUser(ctx.database.db, accountId);
}
