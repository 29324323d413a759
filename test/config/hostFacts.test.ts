import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostFacts, hostNameFromTree } from '../../src/config/hostFacts.js';
import { makeTree } from './helpers.js';

describe('host facts', () => {
  it('takes the host name from the options, then a tree named after its host, then this machine', () => {
    expect(hostFacts({ hostName: 'ap2.hep.example.edu' })).toMatchObject({
      FULL_HOSTNAME: 'ap2.hep.example.edu',
      HOSTNAME: 'ap2',
    });
    expect(hostNameFromTree('/x/hosts/hpc-submit.cluster.example.ac.uk')).toBe(
      'hpc-submit.cluster.example.ac.uk',
    );
    expect(hostNameFromTree('/tmp/copy')).toBeUndefined();
    expect(hostNameFromTree('/tmp/v1.2')).toBeUndefined();
    expect(hostFacts({ root: '/x/hosts/sched.astro.example.org' }).HOSTNAME).toBe('sched');
    expect(hostFacts({}).FULL_HOSTNAME).toBe(hostname());
  });
  it('leaves the address empty for a tree unless given, and knows IPv6', () => {
    expect(hostFacts({ root: '/x/copy' })).toMatchObject({
      IP_ADDRESS: '',
      IP_ADDRESS_IS_IPV6: 'false',
    });
    expect(hostFacts({ ip: '10.20.30.41' })).toMatchObject({
      IP_ADDRESS: '10.20.30.41',
      IPV4_ADDRESS: '10.20.30.41',
    });
    expect(hostFacts({ ip: 'fd00::5' })).toMatchObject({
      IP_ADDRESS_IS_IPV6: 'true',
      IPV6_ADDRESS: 'fd00::5',
    });
  });
  it("takes TILDE from the tree's passwd file and any other fact from the options", () => {
    const tree = makeTree({
      'etc/passwd': 'root:x:0:0::/root:/bin/sh\ncondor:x:64:64::/var/lib/condor:/sbin/nologin\n',
    });
    expect(hostFacts({ root: tree }).TILDE).toBe('/var/lib/condor');
    expect(hostFacts({ root: join(tree, 'none') }).TILDE).toBe('');
    expect(hostFacts({ facts: { full_hostname: 'a.b.c', USERNAME: 'condor' } })).toMatchObject({
      FULL_HOSTNAME: 'a.b.c',
      HOSTNAME: 'a',
      USERNAME: 'condor',
    });
  });
});
