// Test helpers: a CliIo that captures output, and temp folders that clean up after themselves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../src/cli/command.ts';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  return {
    stdout,
    stderr,
    stdin,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}

export function tempDir(prefix = 'news-digest-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const ROOT = join(import.meta.dirname, '..');
export const SEEDS = join(ROOT, 'seeds');
export const SEED = {
  report: '000_9c4c1829c626691f',
  rewrite: '001_7e615de97e50a469',
  interviewA: '002_d67b764dd54984af',
  interviewB: '003_b2c29e89287d0c6d',
  pressConference: '004_77179edf7d13d044',
} as const;

/** Lines that must never reach a headline or a summary (the seeds' site boilerplate). */
export const BOILERPLATE = [
  /share this story/i,
  /read the full article/i,
  /leave a reply/i,
  /exit mobile version/i,
  /^403$/,
  /sorry!!/i,
  /page you were looking for/i,
  /legal disclaimer/i,
  /as is.{0,5} without warranty/i,
  /no comment/i,
  /subscribe to/i,
  /telegram/i,
  /author.?s name/i,
  /^editor\b/i,
  /report spelling error/i,
  /error page url/i,
  /text containing error/i,
  /your comment:/i,
  /contributed to this article/i,
  /^share\.?$/i,
];
