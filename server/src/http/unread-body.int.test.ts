// An integrator's first POST is often `curl -d '{"name": …}'` without `-H 'content-type:
// application/json'`: curl then labels the JSON a form, express.json() leaves it unread and the route
// answered "expected object, received undefined". The 400 now names the header that is missing.
import { describe, expect, it } from 'vitest';
import { workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

async function post(path: string, body: string | undefined, headers: Record<string, string>) {
  const res = await fetch(app.url + path, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, ...headers }, body });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; issues?: unknown[] } } };
}

const json = '{"name":"CRM","role":"admin"}';

describe('a body the API could not read as JSON', () => {
  it('when JSON is sent labelled as a form (curl -d), then 400 validation_failed names the type sent and the Content-Type to use', async () => {
    const res = await post('/v1/api-keys', json, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: '', code: 'invalid_type' }] });
    expect(res.body.error.message).toBe(
      'The body was sent as application/x-www-form-urlencoded, which this route does not read: send it as JSON with Content-Type: application/json',
    );
  });

  it('when the body is plain text, or has no Content-Type, then the message says so', async () => {
    expect((await post('/v1/api-keys', json, { 'content-type': 'text/plain; charset=utf-8' })).body.error.message).toMatch(/^The body was sent as text\/plain, /);
    // fetch labels a string body text/plain; a Blob with no type goes out with no Content-Type at all.
    const res = await fetch(app.url + '/v1/api-keys', { method: 'POST', headers: { authorization: `Bearer ${owner.token}` }, body: new Blob([json]) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('The body has no Content-Type: send it as JSON with Content-Type: application/json');
  });

  it('when a route that needs a body gets none, then the message asks for a JSON object', async () => {
    const res = await post('/v1/api-keys', undefined, {});
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', message: 'The request has no body: send a JSON object with Content-Type: application/json' } } });
  });

  it('when the body is JSON but a field is wrong, then the message stays the general one with the field in issues', async () => {
    const res = await post('/v1/api-keys', '{"name":"CRM","role":"boss"}', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: 'The request is not valid', issues: [{ path: 'role' }] });
    // And the same JSON, labelled right, is taken.
    expect((await post('/v1/api-keys', json, { 'content-type': 'application/json' })).status).toBe(201);
  });
});
