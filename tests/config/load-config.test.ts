import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig } from '../../src/config/load-config.ts';
import { tempDir } from '../helpers.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function configFile(text: string): { dir: string; file: string } {
  const dir = tempDir();
  dirs.push(dir);
  const file = join(dir.path, 'config.yaml');
  writeFileSync(file, text);
  return { dir: dir.path, file };
}

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the packaged default config with seeds as source and a console channel', () => {
    const loaded = loadConfig({ env: {}, cwd: '/' });
    expect(loaded.file).toBe(DEFAULT_CONFIG_PATH);
    expect(loaded.config.sources).toEqual([{ type: 'files', path: 'seeds' }]);
    expect(loaded.config.channels[0]).toMatchObject({ id: 'terminal', platform: 'console' });
    expect(loaded.config.store.url).toMatch(/^sqlite:/);
  });

  it('lets STORE_URL override the store', () => {
    const loaded = loadConfig({ env: { STORE_URL: 'memory:' }, cwd: '/' });
    expect(loaded.config.store.url).toBe('memory:');
  });

  it('reports broken YAML with its line number', () => {
    const { file } = configFile('sources:\n  - type: files\n    path: [unclosed\nchannels: {\n');
    const problems = problemsOf(() => loadConfig({ path: file, env: {}, cwd: '/' }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/YAML .* at line \d+/);
  });

  it('lists every invalid value with its path', () => {
    const { file } = configFile(
      [
        'sources:',
        '  - type: feed',
        '    url: ftp://example.com/feed',
        'channels:',
        '  - id: "bad id"',
        '    platform: irc',
        '    schedule: { cron: "every day", timezone: Mars/Olympus }',
        'summary: { minSentences: 5, maxSentences: 2 }',
        'surprise: true',
      ].join('\n'),
    );
    const problems = problemsOf(() => loadConfig({ path: file, env: {}, cwd: '/' }));
    const text = problems.join('\n');
    expect(text).toMatch(/sources\.0\.url/);
    expect(text).toMatch(/channels\.0\.id/);
    expect(text).toMatch(/channels\.0\.platform/);
    expect(text).toMatch(/channels\.0\.schedule\.cron: is not a valid cron expression/);
    expect(text).toMatch(/channels\.0\.schedule\.timezone: is not an IANA time zone/);
    expect(text).toMatch(/summary: minSentences must not exceed maxSentences/);
    expect(text).toMatch(/surprise/);
  });

  it('says when the config file does not exist', () => {
    const problems = problemsOf(() => loadConfig({ path: '/nonexistent/news.yaml', env: {}, cwd: '/' }));
    expect(problems).toEqual(['file not found']);
  });

  it('resolves a user config relative to the working directory', () => {
    const { dir, file } = configFile('sources: [{ type: files, path: articles }]\nchannels:\n  - { id: t, platform: console, schedule: { cron: "*/5 * * * *", timezone: Europe/Berlin } }\n');
    const loaded = loadConfig({ path: file, env: {}, cwd: dir });
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.config.channels[0]?.size).toBe(10);
  });

  it('reads the LLM key from the variable the config names, never from the file', () => {
    const { dir, file } = configFile(
      'channels:\n  - { id: t, platform: console, schedule: { cron: "0 8 * * *", timezone: UTC } }\n' +
        'summary: { llm: { baseUrl: "http://127.0.0.1:8080/v1", model: local, apiKeyEnv: MY_LLM_KEY } }\n',
    );
    const loaded = loadConfig({ path: file, env: { MY_LLM_KEY: 'sk-test-123456' }, cwd: dir });
    expect(loaded.llmApiKey).toBe('sk-test-123456');
    expect(loaded.config.summary.llm).toMatchObject({ model: 'local', timeoutMs: 8000, jsonMode: true });
    const bad = configFile('channels:\n  - { id: t, platform: console, schedule: { cron: "0 8 * * *", timezone: UTC } }\nsummary: { llm: { baseUrl: nope, model: m, apiKeyEnv: "lower case" } }\n');
    const problems = problemsOf(() => loadConfig({ path: bad.file, env: {}, cwd: bad.dir }));
    expect(problems.join('\n')).toMatch(/summary\.llm\.baseUrl/);
    expect(problems.join('\n')).toMatch(/summary\.llm\.apiKeyEnv: must be an environment variable name/);
  });
});
