// Bolt and the Slack SDKs log through their own Logger interface; route them into ours. Debug is dropped:
// at debug level the SDK prints request bodies, which is noise in our log.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../ops/logger.ts';

export function toBoltLogger(logger: Logger): BoltLogger {
  const text = (parts: unknown[]) => `slack: ${parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ')}`;
  return {
    debug: () => {},
    info: (...parts: unknown[]) => logger.info(text(parts)),
    warn: (...parts: unknown[]) => logger.warn(text(parts)),
    error: (...parts: unknown[]) => logger.error(text(parts.filter((p) => !(p instanceof Error))), parts.find((p) => p instanceof Error)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
