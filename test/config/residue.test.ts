import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../../src/config/mapFile.js';
import { parseConfig } from '../../src/config/parse.js';
import { prefixesOf } from '../../src/config/pathPrefix.js';
import { scanResidue } from '../../src/config/residue.js';

describe('residual scan', () => {
  const text = [
    '# ap1.hep.example.edu and /scratch/condor/spool in a comment',
    'SCHEDD_NAME = ap1.hep.example.edu',
    'CERT = /etc/pki/tls/certs/ap1.crt',
    'OTHER = ap12.hep.example.edu xap1 my-ap1 ap1-gw',
    'NET = 10.20.30.41, 10.20.30.410, 110.20.30.41',
    'ARGS = /scratch/condor/spool/x /scratch/condor/spool2',
    'use ROLE : ap1',
    '',
  ].join('\n');
  it('finds prefixes, whole host names and whole addresses in configuration lines only', () => {
    const found = scanResidue(parseConfig(text, 'f'), {
      prefixes: prefixesOf(parseMapFile('SPOOL = /scratch/condor/spool\n')),
      hostNames: ['ap1.hep.example.edu', 'ap1'],
      addresses: ['10.20.30.41'],
    });
    expect(found.map((r) => `${r.line}:${r.column} ${r.kind} ${r.match}`)).toEqual([
      '2:15 host ap1.hep.example.edu',
      '3:27 host ap1',
      '5:7 address 10.20.30.41',
      '6:8 prefix /scratch/condor/spool',
      '7:12 host ap1',
    ]);
  });
});
