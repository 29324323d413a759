import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hostDirname,
  hostJoin,
  HostFileSystem,
  isAbsoluteHostPath,
  isWindowsPath,
  parseMount,
} from '../../src/config/hostPaths.js';
import { makeTree } from './helpers.js';

describe('host paths', () => {
  it('knows both path styles', () => {
    expect([
      isWindowsPath('C:\\condor'),
      isWindowsPath('d:/x'),
      isWindowsPath('\\\\srv\\share'),
      isWindowsPath('/etc'),
    ]).toEqual([true, true, true, false]);
    expect([isAbsoluteHostPath('/etc'), isAbsoluteHostPath('etc/x')]).toEqual([true, false]);
    expect(hostDirname('/etc/condor/condor_config')).toBe('/etc/condor');
    expect(hostDirname('C:\\condor\\condor_config')).toBe('C:\\condor');
    expect(hostDirname('C:\\x')).toBe('C:\\');
    expect(hostJoin('/etc/condor', 'a.conf')).toBe('/etc/condor/a.conf');
    expect(hostJoin('D:\\condor\\config', 'a.conf')).toBe('D:\\condor\\config\\a.conf');
    expect(hostJoin('/etc', '/abs')).toBe('/abs');
    expect(parseMount('D:\\condor=condor-local')).toEqual({
      host: 'D:\\condor',
      tree: 'condor-local',
    });
    expect(() => parseMount('nothing')).toThrow('--mount expects HOSTPATH=TREEPATH');
  });
  it('maps Unix host paths into the tree', () => {
    const tree = makeTree({ 'etc/condor/condor_config': 'x', 'opt/x': 'y' });
    const fs = new HostFileSystem({ root: tree });
    expect(fs.localPathOf('/etc/condor/condor_config')).toBe(
      join(tree, 'etc/condor/condor_config'),
    );
    expect(fs.hostPathOf(join(tree, 'etc/condor/condor_config'))).toBe('/etc/condor/condor_config');
    expect(fs.treePathOf(join(tree, 'opt/x'))).toBe('opt/x');
    expect(() => fs.hostPathOf('/elsewhere')).toThrow('is not inside the tree');
    expect(fs.localPathOf('/../../etc/passwd')).toBe(join(tree, 'etc/passwd'));
    expect(fs.localPathOf('/etc/../../x')).toBe(join(tree, 'x'));
    expect(new HostFileSystem().localPathOf('/etc/passwd')).toBe('/etc/passwd');
    expect(new HostFileSystem().localPathOf('relative')).toBeUndefined();
  });
  it('finds Windows installer directories copied under another name, case-insensitively', () => {
    const tree = makeTree({
      'condor/condor_config': 'x',
      'condor-local/config/10.config': 'y',
      'condor-local/condor_config.local': 'z',
    });
    const fs = new HostFileSystem({ root: tree });
    expect(fs.localPathOf('C:\\Condor\\condor_config')).toBe(join(tree, 'condor/condor_config'));
    expect(fs.localPathOf('D:\\condor\\config')).toBe(join(tree, 'condor-local/config'));
    expect(fs.localPathOf('D:\\condor\\condor_config.local')).toBe(
      join(tree, 'condor-local/condor_config.local'),
    );
    expect(new HostFileSystem().localPathOf('C:\\condor')).toBeUndefined();
  });
  it('follows explicit mounts first', () => {
    const tree = makeTree({ 'a/x.conf': '1', 'b/x.conf': '2' });
    const fs = new HostFileSystem({
      root: tree,
      mounts: [
        { host: 'E:\\cfg', tree: 'b' },
        { host: '/srv/conf', tree: 'a' },
      ],
    });
    expect(fs.localPathOf('e:\\CFG\\x.conf')).toBe(join(tree, 'b/x.conf'));
    expect(fs.localPathOf('/srv/conf/x.conf')).toBe(join(tree, 'a/x.conf'));
  });
  it('lists regular files in byte order and reads bytes', () => {
    const tree = makeTree({ 'd/b': '1', 'd/B': '2', 'd/a': '\xe9', 'd/sub/x': '3' });
    const fs = new HostFileSystem({ root: tree });
    expect(fs.listFiles(join(tree, 'd'))).toEqual(['B', 'a', 'b']);
    expect(fs.readFile(join(tree, 'd/a'))).toBe('\xe9');
    expect([fs.isDirectory(join(tree, 'd')), fs.isFile(join(tree, 'd'))]).toEqual([true, false]);
  });
});
