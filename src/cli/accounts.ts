import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env.js';
import { createAppContext, closeAppContext, type AppContext } from '../context.js';
import { createAccount } from '../accounts/create-account.js';
import { setUserRole } from '../accounts/set-user-role.js';
import { approveAccount } from '../accounts/approve-account.js';
import { ApiError } from '../api/errors.js';
import type { UserRole } from '../db/schema/accounts.js';
import { UsageError, type CliIo } from './cli-io.js';

const ROLES: UserRole[] = ['user', 'moderator', 'admin'];

function parseRole(value: string | undefined): UserRole | undefined {
  if (value === undefined) return undefined;
  if (!ROLES.includes(value as UserRole)) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${value}")`);
  return value as UserRole;
}

export async function runAccountsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        username: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const role = parseRole(parsed.role);
  if (sub !== 'create' && sub !== 'list' && sub !== 'set-role' && sub !== 'approve') {
    throw new UsageError(`accounts needs a subcommand: create, list, set-role or approve (got "${sub ?? ''}")`);
  }
  if (sub === 'create' && (!parsed.username || !parsed.email || !parsed.password)) {
    throw new UsageError('accounts create needs --username, --email and --password');
  }
  if (sub === 'set-role' && (!parsed.username || !role)) throw new UsageError('accounts set-role needs --username and --role');
  if (sub === 'approve' && !parsed.username) throw new UsageError('accounts approve needs --username');

  const ctx = await createAppContext(loadConfig());
  try {
    await ctx.database.migrate();
    return await runSubcommand(ctx, sub, { ...parsed, role }, io);
  } catch (err) {
    if (err instanceof ApiError) {
      io.stderr.write(`parley: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await closeAppContext(ctx);
  }
}

async function runSubcommand(
  ctx: AppContext,
  sub: 'create' | 'list' | 'set-role' | 'approve',
  opts: { username?: string; email?: string; password?: string; role?: UserRole | undefined },
  io: CliIo,
): Promise<number> {
  if (sub === 'create') {
    const { account, user } = await createAccount(ctx, {
      username: opts.username!,
      email: opts.email!,
      password: opts.password!,
      ...(opts.role ? { role: opts.role } : {}),
      // The operator may create staff names (admin, support …) that sign-ups cannot take.
      allowReserved: true,
    });
    io.stdout.write(`Created @${account.username} (id ${account.id}, role ${user.role})\n`);
    return 0;
  }
  if (sub === 'approve') {
    await approveAccount(ctx, opts.username!);
    io.stdout.write(`@${opts.username!.replace(/^@/, '')} is approved and can log in\n`);
    return 0;
  }
  if (sub === 'set-role') {
    await setUserRole(ctx, opts.username!, opts.role!);
    io.stdout.write(`@${opts.username} is now ${opts.role}\n`);
    return 0;
  }
  const rows = await ctx.database.db
    .selectFrom('accounts')
    .innerJoin('users', 'users.account_id', 'accounts.id')
    .select(['accounts.id', 'accounts.username', 'users.email', 'users.role', 'users.approved', 'accounts.suspended_at', 'users.created_at'])
    .$if(opts.role !== undefined, (qb) => qb.where('users.role', '=', opts.role!))
    .orderBy('accounts.id')
    .execute();
  for (const r of rows) {
    io.stdout.write(`${r.id}\t@${r.username}\t${r.email}\t${r.role}${r.approved ? '' : '\tpending'}${r.suspended_at ? '\tsuspended' : ''}\n`);
  }
  io.stdout.write(`${rows.length} account(s)\n`);
  return 0;
}
