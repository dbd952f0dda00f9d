import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { countPendingFollowRequests, loadAccountAndUser } from '../../../accounts/account-queries.js';
import { deleteProfileImage } from '../../../accounts/delete-profile-image.js';
import { updateCredentials } from '../../../accounts/update-credentials.js';
import { requireUser, type UserAuth } from '../../auth.js';
import { unprocessable } from '../../errors.js';
import { parseInput, zBool } from '../../params.js';
import { scopeAllows } from '../../scopes.js';
import { serializeCredentialAccount } from '../../serializers/account.js';

const FieldInput = z.object({ name: z.string().optional(), value: z.string().optional() });

const UpdateBody = z.object({
  display_name: z.string().optional(),
  note: z.string().optional(),
  locked: zBool.optional(),
  bot: zBool.optional(),
  discoverable: zBool.optional(),
  // An object keyed by index ("fields_attributes[0][name]") arrives here already as an array.
  fields_attributes: z.array(FieldInput).optional(),
  source: z
    .object({ privacy: z.string().optional(), sensitive: zBool.optional(), language: z.string().optional() })
    .optional(),
  avatar: z.unknown().optional(),
  header: z.unknown().optional(),
});

/** verify_credentials, update_credentials and DELETE /api/v1/profile/{avatar,header}. */
export async function registerCredentialsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  async function present(accountId: number) {
    const { account, user } = await loadAccountAndUser(ctx.database.db, accountId);
    const requests = await countPendingFollowRequests(ctx.database.db, accountId);
    return serializeCredentialAccount(account, user, ctx.config, requests);
  }

  app.get('/api/v1/accounts/verify_credentials', async (request) => {
    const auth = requireProfileReader(request);
    return present(auth.account.id);
  });

  for (const kind of ['avatar', 'header'] as const) {
    app.delete(`/api/v1/profile/${kind}`, async (request) => {
      const auth = requireUser(request, 'write:accounts');
      await deleteProfileImage(ctx, auth.account.id, kind === 'avatar' ? 'avatars' : 'headers');
      return present(auth.account.id);
    });
  }

  app.patch('/api/v1/accounts/update_credentials', async (request) => {
    const auth = requireUser(request, 'write:accounts');
    const body = parseInput(UpdateBody, request.body);
    await updateCredentials(ctx, auth.account.id, {
      displayName: body.display_name,
      note: body.note,
      locked: body.locked,
      bot: body.bot,
      discoverable: body.discoverable,
      fields: body.fields_attributes,
      privacy: body.source?.privacy,
      sensitive: body.source?.sensitive,
      language: body.source?.language,
      avatar: upload(body.avatar, 'Avatar'),
      header: upload(body.header, 'Header'),
    });
    return present(auth.account.id);
  });
}

/** Mastodon 4.3 lets the `profile` scope read verify_credentials as well as `read:accounts`. */
function requireProfileReader(request: Parameters<typeof requireUser>[0]): UserAuth {
  const readsAccounts = scopeAllows(request.auth?.scopes ?? [], 'read:accounts');
  return requireUser(request, readsAccounts ? 'read:accounts' : 'profile');
}

/**
 * A file part arrives as a Buffer (multipart keyValues mode). @NOTE: the app-wide bracket-key
 * expansion currently turns a Buffer into an array of byte values (it reads the numeric keys
 * as an index), so that form is accepted too; the image check that follows is the same.
 */
function upload(value: unknown, label: string): Buffer | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Buffer.isBuffer(value)) return value.length > 0 ? value : undefined;
  if (Array.isArray(value) && value.length > 0 && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    return Buffer.from(value as number[]);
  }
  throw unprocessable(`Validation failed: ${label} must be an uploaded image file`);
}
