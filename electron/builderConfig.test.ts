import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// electron-builder cannot run here (it downloads Electron and platform tools): check its config.
const root = join(import.meta.dirname, '..');

describe('electron-builder.yml', () => {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  it('packages the built renderer and main process, and the main entry exists in them', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']));
    expect(pkg.main).toBe('dist-electron/electron/index.js');
    expect(config.asar).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('targets the three desktop platforms', () => {
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['mac', 'win', 'linux', 'appId', 'productName']));
  });
});
