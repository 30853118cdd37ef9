import { resolve } from 'node:path';
import { LOG_LEVELS, type LogLevel } from '@dm/platform';
import type { SqliteSync } from '@dm/event-store-sqlite';

export interface EmbeddedConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  /** `problems`: each bad setting with what is wrong, e.g. "PORT must be a TCP port number". */
  constructor(problems: string, where = '') {
    super(`configuration${where ? ` of ${where}` : ''}: ${problems}`);
    this.name = 'ConfigError';
  }
}

/** LOG_LEVEL: one of pino's levels (default info). */
export function logLevelOf(env: NodeJS.ProcessEnv, where = ''): LogLevel {
  const level = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`, where);
  return level as LogLevel;
}

/** PORT (default 3000), HOST (default 0.0.0.0), MONITOR_DATA_DIR (default ./.data), LOG_LEVEL (default info). */
export function loadEmbeddedConfig(env: NodeJS.ProcessEnv = process.env): EmbeddedConfig {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a TCP port number (0-65535), got "${portText}"`);
  }
  const dataDir = env.MONITOR_DATA_DIR ?? './.data';
  if (!dataDir.trim()) throw new ConfigError('MONITOR_DATA_DIR must be a directory path');
  sqliteSyncOf(env);
  return { port, host: env.HOST ?? '0.0.0.0', dataDir: resolve(dataDir), logLevel: logLevelOf(env) };
}

/**
 * SQLITE_SYNC (default full): how the SQLite event stores commit. `full`
 * syncs each group commit to disk before an append is acknowledged;
 * `normal` is faster and may lose the last acknowledged events on a power
 * loss (README, "Durability").
 */
export function sqliteSyncOf(env: NodeJS.ProcessEnv, where = ''): SqliteSync {
  const text = env.SQLITE_SYNC ?? 'full';
  if (text !== 'full' && text !== 'normal') throw new ConfigError(`SQLITE_SYNC must be full or normal, got "${env.SQLITE_SYNC}"`, where);
  return text;
}

/** RECORDED_LATE_AFTER_WORKING_DAYS (default 2): a report recorded more working days than this after its business date is flagged `recordedLate`. */
export function recordedLateAfterOf(env: NodeJS.ProcessEnv, where = ''): number {
  const text = env.RECORDED_LATE_AFTER_WORKING_DAYS ?? '2';
  if (!/^\d{1,3}$/.test(text))
    throw new ConfigError(`RECORDED_LATE_AFTER_WORKING_DAYS must be a whole number of working days (0-999), got "${text}"`, where);
  return Number(text);
}
