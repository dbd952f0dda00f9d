import { pino, type Logger } from 'pino';

export type { Logger };

/** One root logger per process; subsystems take a child with `logger.child({ module })`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'parley' } });
}
