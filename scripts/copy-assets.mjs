// Copies the non-TypeScript files the compiled server reads at run time (screening rule packs
// and the trained model) from src/ to dist/, keeping their relative paths.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ASSET_DIRS = ['moderation/screening/packs', 'moderation/screening/model'];
const ASSET_EXTENSIONS = new Set(['.json', '.bin']);

for (const dir of ASSET_DIRS) {
  const from = path.join('src', dir);
  if (!existsSync(from)) continue;
  const to = path.join('dist', dir);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const file = path.join(from, name);
    if (statSync(file).isFile() && ASSET_EXTENSIONS.has(path.extname(name))) cpSync(file, path.join(to, name));
  }
}
