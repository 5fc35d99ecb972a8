import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSystemTool, systemToolsHidden } from './system-tool';

const dir = mkdtempSync(path.join(tmpdir(), 'system-tool-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tool = path.join(dir, 'fake-pdftoppm');
writeFileSync(tool, '#!/bin/sh\n');
chmodSync(tool, 0o755);
const plain = path.join(dir, 'not-executable');
writeFileSync(plain, '');

describe('findSystemTool', () => {
  it('finds an executable on PATH', () => {
    expect(findSystemTool('fake-pdftoppm', { PATH: `/nonexistent:${dir}` })).toBe(tool);
  });

  it('answers null for a tool that is missing or not executable', () => {
    expect(findSystemTool('no-such-tool', { PATH: dir })).toBeNull();
    expect(findSystemTool('not-executable', { PATH: dir })).toBeNull();
  });

  it('ignores every system binary when APPEAL_PACK_NO_SYSTEM_TOOLS is set, explicit paths too', () => {
    const env = { PATH: dir, APPEAL_PACK_NO_SYSTEM_TOOLS: '1' };
    expect(findSystemTool('fake-pdftoppm', env)).toBeNull();
    expect(findSystemTool('fake-pdftoppm', env, tool)).toBeNull();
    expect(findSystemTool(tool, env)).toBeNull();
  });

  it('takes an explicit path over PATH', () => {
    expect(findSystemTool('pdftoppm', { PATH: '' }, tool)).toBe(tool);
    expect(findSystemTool('pdftoppm', { PATH: dir }, plain)).toBeNull();
  });
});

describe('systemToolsHidden', () => {
  it.each([
    ['1', true], ['true', true], ['yes', true], ['0', false], ['false', false], ['', false], [undefined, false],
  ])('APPEAL_PACK_NO_SYSTEM_TOOLS=%s → %s', (value, hidden) => {
    expect(systemToolsHidden({ APPEAL_PACK_NO_SYSTEM_TOOLS: value })).toBe(hidden);
  });
});
