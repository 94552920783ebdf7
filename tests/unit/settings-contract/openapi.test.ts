import { Validator } from '@seriousme/openapi-schema-validator';
import {
  collectRefs,
  findDuplicateKeys,
  openapi,
  openapiText,
  resolvePointer,
  type Json,
  type JsonObject,
} from './openapi-document.ts';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const paths = openapi.paths as Record<string, JsonObject>;
const operations = Object.entries(paths).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method] !== undefined).map((method) => ({
    path,
    method,
    op: item[method] as JsonObject,
    pathParameters: (item.parameters ?? []) as Json[],
  })),
);

function deref(value: Json): Json {
  let node = value;
  for (let i = 0; i < 20 && node !== null && typeof node === 'object' && !Array.isArray(node) && typeof node.$ref === 'string'; i += 1) {
    node = resolvePointer(node.$ref) ?? null;
  }
  return node;
}

test('when the document is validated against the OpenAPI 3.1 schema, then it is valid', async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(openapi));
  expect(result.errors).toBeUndefined();
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
});

test('when a broken document is validated, then the validator refuses it (the check can fail)', async () => {
  const broken = structuredClone(openapi) as JsonObject;
  ((broken.paths as JsonObject)['/api/v1/me'] as JsonObject).get = { responses: 'none' };
  const result = await new Validator().validate(broken);
  expect(result.valid).toBe(false);
});

test('when every $ref is followed, then each one resolves inside the document', () => {
  const refs = collectRefs(openapi);
  expect(refs.length).toBeGreaterThan(50);
  const dangling = refs.filter(({ ref }) => resolvePointer(ref) === undefined);
  expect(dangling).toEqual([]);
  expect(resolvePointer('#/components/schemas/NoSuchThing')).toBeUndefined();
});

test('when the file is read as text, then no object repeats a key (JSON.parse would drop one silently)', () => {
  expect(findDuplicateKeys(openapiText)).toEqual([]);
  expect(findDuplicateKeys('{"a":{"b":1,"b":2},"c":["b","b"]}')).toEqual(['b']);
});

test('when the routes are listed, then they are exactly the ones the page, the extension and the app card call', () => {
  const routes = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort();
  expect(routes).toEqual([
    'DELETE /api/v1/install',
    'GET /api/v1/admins',
    'GET /api/v1/analytics',
    'GET /api/v1/audit',
    'GET /api/v1/cards',
    'GET /api/v1/me',
    'GET /api/v1/rules',
    'GET /api/v1/settings',
    'PATCH /api/v1/rules/{ruleId}',
    'POST /api/v1/cards/{cardId}/feedback',
    'POST /api/v1/preview',
    'PUT /api/v1/admins',
    'PUT /api/v1/settings',
  ]);
});

test('when any operation is read, then no parameter or request body can name the portal', () => {
  const named: string[] = [];
  for (const { method, path, op, pathParameters } of operations) {
    for (const parameter of [...pathParameters, ...((op.parameters ?? []) as Json[])].map(deref)) {
      const name = (parameter as JsonObject).name;
      if (typeof name === 'string' && /portal|hub_?id/i.test(name)) named.push(`${method} ${path} ?${name}`);
    }
    const body = op.requestBody as JsonObject | undefined;
    if (body) {
      const text = JSON.stringify(expandRefs(body));
      if (/"(portalId|portal_id|hubId|hub_id|portal)"/.test(text)) named.push(`${method} ${path} body`);
    }
  }
  expect(named).toEqual([]);
});

/** Writes a `hubspot.fetch` request must not make: uninstalling is confirmed on the standalone page. */
const SESSION_ONLY = ['delete /api/v1/install'];

test('when an operation writes, then a session needs the CSRF header and a HubSpot signature is accepted (except session-only uninstall)', () => {
  for (const { method, path, op } of operations) {
    const security = (op.security ?? openapi.security) as JsonObject[];
    const schemeSets = security.map((requirement) => Object.keys(requirement).sort().join('+'));
    if (SESSION_ONLY.includes(`${method} ${path}`)) expect(schemeSets).toEqual(['csrfHeader+sessionCookie']);
    else expect(schemeSets).toContain('hubspotRequestTimestamp+hubspotSignatureV3');
    if (method === 'get') expect(schemeSets).toContain('sessionCookie');
    else {
      expect(schemeSets).toContain('csrfHeader+sessionCookie');
      expect(schemeSets).not.toContain('sessionCookie');
    }
  }
});

test('when an operation answers an error, then the body is the shared { error: { code, message, problems? } } shape', () => {
  for (const { method, path, op } of operations) {
    const responses = op.responses as JsonObject;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining([method === 'delete' ? '204' : '200', '401', '429', '500']));
    for (const [status, response] of Object.entries(responses)) {
      if (status.startsWith('2')) continue;
      const schema = ((deref(response) as JsonObject).content as JsonObject)['application/json'] as JsonObject;
      expect([path, (schema.schema as JsonObject).$ref]).toEqual([path, '#/components/schemas/ErrorBody']);
    }
  }
});

test('when a request body schema is walked, then every object in it refuses unknown fields', () => {
  const open: string[] = [];
  for (const { method, path, op } of operations) {
    const body = op.requestBody as JsonObject | undefined;
    if (!body) continue;
    const schema = ((body.content as JsonObject)['application/json'] as JsonObject).schema as Json;
    walkObjects(expandRefs(schema), `${method} ${path}`, (node, at) => {
      const closed = node.additionalProperties === false || node.unevaluatedProperties === false
        || (typeof node.additionalProperties === 'object' && node.propertyNames !== undefined);
      if (!closed && !insideClosingParent(at)) open.push(at);
    });
  }
  expect(open).toEqual([]);
});

/** allOf members are closed by their parent's `unevaluatedProperties: false`. */
function insideClosingParent(at: string): boolean {
  return /\/allOf\/\d+$/.test(at);
}

function expandRefs(value: Json, depth = 0): Json {
  if (depth > 30 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => expandRefs(item, depth + 1));
  if (typeof value.$ref === 'string') return expandRefs(resolvePointer(value.$ref) ?? null, depth + 1);
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, expandRefs(child, depth + 1)]));
}

function walkObjects(value: Json, at: string, visit: (node: JsonObject, at: string) => void): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkObjects(item, `${at}/${i}`, visit));
    return;
  }
  if (value.type === 'object') visit(value, at);
  for (const [key, child] of Object.entries(value)) {
    if (key === 'examples' || key === 'example') continue;
    walkObjects(child, `${at}/${key}`, visit);
  }
}
