// An integrator's first calls, and the refusals that must say what to change: a JSON body sent
// without `Content-Type: application/json` (`curl -d` labels it a form, so express.json() leaves it
// unread and the route answered "expected object, received undefined"), and a key sent without the
// word Bearer (answered "Missing bearer token", as if none had been sent).
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

describe('an integrator\'s first calls', () => {
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

  it('when the JSON is in a charset or a compression the server does not read, then 415 unsupported_media_type names it', async () => {
    const latin1 = await post('/v1/api-keys', json, { 'content-type': 'application/json; charset=latin1' });
    expect(latin1).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type', message: 'unsupported charset "LATIN1"' } } });
    const unknown = await post('/v1/api-keys', json, { 'content-type': 'application/json', 'content-encoding': 'x-bogus' });
    expect(unknown).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type', message: 'unsupported content encoding "x-bogus"' } } });
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

  it('when the key is sent without the word Bearer, or not at all, then the 401 says how to send it', async () => {
    const key = (await post('/v1/api-keys', json, { 'content-type': 'application/json' })).body as unknown as { key: string };
    const bare = await fetch(app.url + '/v1/me', { headers: { authorization: key.key } });
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { error: { message: string } }).error.message).toBe('The Authorization header must be "Bearer <token>": the word Bearer, a space, then the session token or API key');
    const none = await fetch(app.url + '/v1/me', { headers: { 'x-api-key': key.key } });
    expect(((await none.json()) as { error: { message: string } }).error.message).toBe('Missing bearer token: send Authorization: Bearer <session token or API key>');
    expect((await fetch(app.url + '/v1/me', { headers: { authorization: `bearer ${key.key}` } })).status).toBe(200);
  });
});
