import { z } from 'zod';
import { unprocessable } from './errors.js';

/**
 * Clients send Rails-style bracketed keys (`media_ids[]=1`, `fields_attributes[0][name]=x`) in
 * query strings, form bodies and multipart bodies. This turns them into arrays and objects so
 * one schema validates JSON, form and multipart requests alike.
 */
export function expandBracketKeys(input: unknown): unknown {
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(input as Record<string, unknown>)) {
    // `__proto__[x]=…` would otherwise write onto Object.prototype for the whole process.
    if (/(^|\[)(__proto__|constructor|prototype)(\[|\]|$)/.test(rawKey)) continue;
    const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(rawKey);
    if (!match) {
      out[rawKey] = mergeValue(out[rawKey], value);
      continue;
    }
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    assignPath(out, path, value);
  }
  // Objects with only numeric keys ("fields_attributes[0][name]") become arrays in key order.
  return normaliseNumericObjects(out);
}

/** A parameter tree node: any object but arrays and binary data (uploaded files are Buffers). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
}

function mergeValue(existing: unknown, value: unknown): unknown {
  if (existing === undefined) return value;
  return ([] as unknown[]).concat(existing, value);
}

function assignPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = path[i + 1]!;
    if (next === '') {
      const list = Array.isArray(node[key]) ? (node[key] as unknown[]) : node[key] === undefined ? [] : [node[key]];
      node[key] = list.concat(value);
      return;
    }
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  node[last] = mergeValue(node[last], value);
}

function normaliseNumericObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseNumericObjects);
  // Uploaded files (Buffers) and other non-plain objects are values, not parameter trees.
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normaliseNumericObjects(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

/** Validates request input; a failure is a 422 with Mastodon's error shape. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw unprocessable(`Validation failed: ${where}${issue.message}`);
  }
  return result.data;
}

/** Booleans arrive as true/false, "true"/"false", "1"/"0", "on"/"off" depending on the client. */
export const zBool = z.preprocess((v) => {
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (['true', '1', 'on', 'yes'].includes(s)) return true;
    if (['false', '0', 'off', 'no', ''].includes(s)) return false;
  }
  if (typeof v === 'number') return v !== 0;
  return v;
}, z.boolean());

/** An id as clients send it: a decimal string or a number. */
export const zId = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const s = String(v);
    if (!/^\d{1,16}$/.test(s) || !Number.isSafeInteger(Number(s)) || Number(s) <= 0) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid id' });
      return z.NEVER;
    }
    return Number(s);
  });

/** A list that may arrive as a single value or an array. */
export function zList<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));
}
