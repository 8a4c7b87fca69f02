/**
 * The codemod properties of `add-timeout` on real third-party code, with the real
 * rules (see test/helpers/corpus-properties.ts): every output parses, a file
 * with no rewrite comes back unchanged, lines outside the rewritten sites are
 * untouched, a second run changes nothing, and afterwards the rules report
 * exactly the sites listed as left for a person.
 */
import { describe, it } from 'vitest';
import { checkCorpusProperties, files } from '../helpers/corpus-properties';

describe('add-timeout over real files', () => {
  it(`keeps every property on ${files.length} files`, () => {
    checkCorpusProperties('add-timeout');
  });
});
