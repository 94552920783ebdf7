/**
 * HubSpot error responses as HubSpot documents and returns them (status, body, headers), for
 * nock. Shapes from developers.hubspot.com error-handling docs and REFERENCE.md §5.2.
 */
export interface ErrorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const json = { 'Content-Type': 'application/json;charset=utf-8' };

export const hubspotErrors = {
  tenSecondly: {
    status: 429,
    body: {
      status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT',
      correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad24', policyName: 'TEN_SECONDLY_ROLLING', requestId: '3d3e35b7-0dae-4b2a',
    },
    headers: { ...json, 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '110', 'X-HubSpot-RateLimit-Remaining': '0' },
  },
  daily: {
    status: 429,
    body: {
      status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT',
      correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad25', policyName: 'DAILY', requestId: '3d3e35b7-0dae-4b2b',
    },
    headers: json,
  },
  searchSecondly: {
    status: 429,
    body: { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad26' },
    headers: json,
  },
  expiredToken: {
    status: 401,
    body: {
      status: 'error', message: 'The OAuth token used to make this call expired 2 hour(s) ago.',
      correlationId: 'f1f7b8a2-6a1e-4a3c-9b0c-2a1d2e3f4a5b', category: 'EXPIRED_AUTHENTICATION',
    },
    headers: json,
  },
  missingScopes: {
    status: 403,
    body: {
      status: 'error',
      message: "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      correlationId: 'a2b3c4d5-6a1e-4a3c-9b0c-2a1d2e3f4a5b',
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.contacts.read'] } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
      category: 'MISSING_SCOPES',
    },
    headers: json,
  },
  notFound: {
    status: 404,
    body: { status: 'error', message: 'Object not found.  objectId are usually numeric.', correlationId: 'b2b3c4d5-6a1e-4a3c-9b0c-2a1d2e3f4a5b', context: { id: ['999'] }, category: 'OBJECT_NOT_FOUND' },
    headers: json,
  },
  validation: {
    status: 400,
    body: {
      status: 'error',
      message: 'Property values were not valid: [{"isValid":false,"message":"Property \\"hs_task_priority\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"hs_task_priority"}]',
      correlationId: 'd2b3c4d5-6a1e-4a3c-9b0c-2a1d2e3f4a5b',
      category: 'VALIDATION_ERROR',
    },
    headers: json,
  },
  conflict: {
    status: 409,
    body: { status: 'error', message: 'Contact already exists. Existing ID: 101', correlationId: 'e2b3c4d5-6a1e-4a3c-9b0c-2a1d2e3f4a5b', category: 'CONFLICT' },
    headers: json,
  },
  serverError: {
    status: 500,
    body: { status: 'error', message: 'internal error', correlationId: 'f2b3c4d5-6a1e-4a3c-9b0c-2a1d2e3f4a5b', category: 'INTERNAL_ERROR' },
    headers: json,
  },
  badGatewayHtml: {
    status: 502,
    body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    headers: { 'Content-Type': 'text/html' },
  },
} satisfies Record<string, ErrorResponse>;

/** A task as `GET /crm/v3/objects/tasks/{id}` returns it. */
export const taskBody = {
  id: '512',
  properties: { hs_task_subject: 'Follow up now', hs_object_id: '512', hs_createdate: '2024-06-12T08:00:00.000Z' },
  createdAt: '2024-06-12T08:00:00.000Z',
  updatedAt: '2024-06-12T08:00:00.000Z',
  archived: false,
};
