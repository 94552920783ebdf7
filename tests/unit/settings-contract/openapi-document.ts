/**
 * Loads the settings API contract and gives tests a JSON Schema validator for its schemas.
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, so Ajv's 2020 build validates them as they are;
 * only the `$ref` prefix is rewritten so the component schemas can live in one Ajv schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const OPENAPI_PATH = new URL('../../../src/settings/openapi.json', import.meta.url).pathname;
export const openapiText = readFileSync(OPENAPI_PATH, 'utf8');
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export const openapi = JSON.parse(openapiText) as JsonObject;

const COMPONENTS_ID = 'urn:unrobot:settings-api';

/** Returns a validator for `#/components/schemas/<name>`, or throws if there is none. */
export function createSchemaValidator(): (name: string, value: unknown) => { valid: boolean; errors: string[] } {
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true, strictRequired: false }));
  const schemas = (openapi.components as JsonObject).schemas as JsonObject;
  const rewritten = JSON.parse(JSON.stringify(schemas).replaceAll('"#/components/schemas/', '"#/$defs/')) as JsonObject;
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewritten });
  return (name, value) => {
    const validate = ajv.getSchema(`${COMPONENTS_ID}#/$defs/${name}`);
    if (!validate) throw new Error(`no schema named ${name}`);
    const valid = validate(value) === true;
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
    return { valid, errors };
  };
}

/** Resolves a local JSON pointer (`#/a/b`) against the document, or returns undefined. */
export function resolvePointer(ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = openapi;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Every value of a `$ref` key anywhere in a JSON value, with where it was found. */
export function collectRefs(value: Json, at = '#'): Array<{ ref: string; at: string }> {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => collectRefs(item, `${at}/${i}`));
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [{ ref: child, at }] : collectRefs(child, `${at}/${key}`),
  );
}

/**
 * Finds keys repeated within one JSON object: `JSON.parse` silently keeps the last one,
 * which would quietly drop a constraint from the contract.
 */
export function findDuplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '{') { stack.push(new Set()); expectKey = true; }
    else if (c === '[') { stack.push(null); expectKey = false; }
    else if (c === '}' || c === ']') { stack.pop(); expectKey = false; }
    else if (c === ',') expectKey = stack.at(-1) instanceof Set;
    else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (expectKey && top instanceof Set) {
        const key = text.slice(i + 1, end);
        if (top.has(key)) duplicates.push(key);
        top.add(key);
        expectKey = false;
      }
      i = end;
    }
  }
  return duplicates;
}
