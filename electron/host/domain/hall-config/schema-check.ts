/**
 * JSON Schema validation of one playlist file, with every finding placed at its value. The schemas
 * are the ones shipped in playlists/schema/, bundled into the player so a hall's folder cannot
 * replace them. Unknown keys are warnings (the key is ignored); everything else is an error.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import announcementsSchema from '../../../../playlists/schema/announcements.schema.json' with { type: 'json' };
import calendarsSchema from '../../../../playlists/schema/calendars.schema.json' with { type: 'json' };
import displaysSchema from '../../../../playlists/schema/displays.schema.json' with { type: 'json' };
import commonSchema from '../../../../playlists/schema/common.schema.json' with { type: 'json' };
import layoutsSchema from '../../../../playlists/schema/layouts.schema.json' with { type: 'json' };
import programmeSchema from '../../../../playlists/schema/programme.schema.json' with { type: 'json' };
import queueSchema from '../../../../playlists/schema/queue.schema.json' with { type: 'json' };
import scheduleSchema from '../../../../playlists/schema/schedule.schema.json' with { type: 'json' };
import tickerSchema from '../../../../playlists/schema/ticker.schema.json' with { type: 'json' };
import type { Diagnostic } from '../../../contract/diagnostic.js';
import type { JsonPath, JsonSource } from './source.js';

export const FILE_KINDS = ['schedule', 'programme', 'layouts', 'ticker', 'calendars', 'queue', 'announcements', 'displays'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const SCHEMAS: Record<FileKind, object> = {
  schedule: scheduleSchema,
  programme: programmeSchema,
  layouts: layoutsSchema,
  ticker: tickerSchema,
  calendars: calendarsSchema,
  queue: queueSchema,
  announcements: announcementsSchema,
  displays: displaysSchema,
};

let validators: Record<FileKind, ValidateFunction> | null = null;

function validatorFor(kind: FileKind): ValidateFunction {
  if (!validators) {
    // The schemas ship with the player and a unit test checks them against the meta-schema, so
    // the start-up need not (validating them cost ~50 ms of every start).
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowMatchingProperties: true, validateSchema: false });
    // VS Code reads these two; Ajv must know them to stay strict about everything else.
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
    // All added before any is compiled: displays.json's entries are schedule.json's.
    ajv.addSchema([commonSchema, ...FILE_KINDS.map((k) => SCHEMAS[k])]);
    validators = Object.fromEntries(FILE_KINDS.map((k) => [k, ajv.getSchema((SCHEMAS[k] as { $id: string }).$id)!])) as Record<FileKind, ValidateFunction>;
  }
  return validators[kind];
}

export function schemaCheck(kind: FileKind, source: JsonSource, out: Diagnostic[]): void {
  const validate = validatorFor(kind);
  if (validate(source.value)) return;
  for (const error of validate.errors ?? []) {
    // "if/then" failures repeat what the "then" branch already reported.
    if (error.keyword === 'if') continue;
    const path = pathOf(error.instancePath, source.value);
    if (error.keyword === 'additionalProperties') {
      const key = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).filter((k) => k !== '$schema');
      const guess = closest(key, known);
      out.push(
        source.at([...path, key], 'warning', `unknown key "${key}" is ignored: ${guess ? `did you mean "${guess}"?` : `remove it (known keys: ${known.join(', ')})`}`, {
          key: true,
        }),
      );
      continue;
    }
    out.push(source.at(path, 'error', describe(error, path)));
  }
}

function describe(error: ErrorObject, path: JsonPath): string {
  const where = path.length === 0 ? 'the file' : `"${formatPath(path)}"`;
  const found = (value: unknown): string => (value === undefined ? '' : ` (found ${JSON.stringify(value)?.slice(0, 60)})`);
  const p = error.params as Record<string, unknown>;
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      const info = (schema?.properties as Record<string, { description?: string }> | undefined)?.[missing]?.description;
      return `${where} lacks "${missing}": add it${info ? ` (${info})` : ''}`;
    }
    case 'type':
      return `${where} must be ${article(String(p.type))}${found(error.data)}`;
    case 'enum':
      return `${where} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${found(error.data)}`;
    case 'const':
      return `${where} must be ${JSON.stringify(p.allowedValue)}${found(error.data)}`;
    case 'pattern':
      return `${where} ${typeof schema?.patternErrorMessage === 'string' ? `is not valid: ${schema.patternErrorMessage}` : `must match ${String(p.pattern)}`}${found(error.data)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${where} must be ${String(p.comparison)} ${String(p.limit)}${found(error.data)}`;
    case 'minItems':
      return `${where} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}: add ${p.limit === 1 ? 'one' : 'more'}`;
    case 'minProperties':
      return `${where} must not be empty: add at least ${String(p.limit)}`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'uniqueItems':
      return `${where} lists the same value twice (items ${String(p.j)} and ${String(p.i)}): remove one`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

/** items[1].duration — how people read a place in a JSON file. */
function formatPath(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'an object', array: 'an array', integer: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false' };
  return names[type] ?? type;
}

/** A JSON pointer as path segments; array indexes become numbers so the tree lookup finds them. */
function pathOf(pointer: string, root: unknown): JsonPath {
  if (pointer === '') return [];
  const path: JsonPath = [];
  let value: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

/** The known key within edit distance 2 of `key`, for "did you mean". */
export function closest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
