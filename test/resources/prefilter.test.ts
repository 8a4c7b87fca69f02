/**
 * no-unguarded-shared-resource's text prefilter on small cases. That it never
 * hides an unguarded access on real code: test/prefilters-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mayTouchResource } from '../../src/resources/match';
import { parseSettings } from '../../src/settings';

const settings = parseSettings({
  sharedResources: [
    { name: 'shared-fs', match: { modules: ['fs/promises', 'fs-extra'], calls: ['uploadStore.*', '*.writeShared'] } },
    { name: 'node-fs', match: { modules: ['node:fs'] } },
    { name: 'http', match: { globals: ['fetch'] } },
  ],
});

describe('mayTouchResource', () => {
  const [sharedFs, nodeFs, http] = settings.sharedResources as [never, never, never];

  it.each([
    ["import { readFile } from 'fs/promises';", sharedFs, true],
    ["import fs from 'fs'; fs.promises.readFile(p);", sharedFs, true],
    ['const fs = require("node:fs/promises");', sharedFs, true],
    ["const x = await import(`fs-extra`);", sharedFs, true],
    ['this.uploadStore.put(file);', sharedFs, true],
    ['store.writeShared(file);', sharedFs, true],
    ["import fs from 'fs';", nodeFs, true],
    ['await fetch(url);', http, true],
    ['const offset = buffer.readUInt8(0); // refs, diffs', sharedFs, false],
    ["import path from 'path'; path.join(a, b);", nodeFs, false],
    ['store.put(file);', sharedFs, false],
  ])('%s -> %s', (code, resource, expected) => {
    expect(mayTouchResource(resource, code)).toBe(expected);
  });
});
