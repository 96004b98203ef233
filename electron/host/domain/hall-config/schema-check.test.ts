import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from './schema-check.js';

const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../../../playlists/schema');

// The player compiles the shipped schemas without checking them against the meta-schema (a start-up
// cost); this is where they are checked.
describe('shipped JSON Schemas', () => {
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));

  it.each(files)('%s is valid against its meta-schema', (file) => {
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as object;
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('finds the schemas: one per file kind, and the shared definitions', () => {
    expect(files).toEqual(expect.arrayContaining([...FILE_KINDS.map((kind) => `${kind}.schema.json`), 'common.schema.json']));
  });
});
