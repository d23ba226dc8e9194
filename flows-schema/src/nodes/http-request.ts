import { z } from 'zod';
import { localized, truncate } from '../localized';
import { parseTemplate } from '../interpolation/parse-template';
import type { ProblemDraft } from '../validate/problems';
import { handle, variableProblems } from './common';
import { defineNode, type CheckContext } from './define-node';
import { field } from './field-meta';

/** Header names whose values are credentials whether or not they are marked secret. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key']);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
/** A path into the JSON answer: keys and list indexes separated by dots, e.g. data.items.0.name. */
const JSON_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

const header = z.object({
  name: field(z.string().max(100), { label: localized('Header', 'Cabeçalho'), placeholder: localized('e.g. Authorization', 'ex.: Authorization') }),
  // A credential is stored sealed, so the limit is on the stored form (see secrets.ts).
  value: field(z.string().max(4000), { label: localized('Value', 'Valor'), placeholder: localized('e.g. Bearer …', 'ex.: Bearer …') }),
  secret: field(z.boolean(), {
    label: localized('Secret', 'Secreto'),
    hint: localized('Never shown back once saved (Authorization always is). No header value appears in logs or the test chat.', 'Nunca é mostrado de volta depois de salvo (Authorization sempre). Nenhum valor de cabeçalho aparece nos registros ou no chat de teste.'),
  }),
});

const mapping = z.object({
  path: field(z.string().max(200), { label: localized('Field of the answer', 'Campo da resposta'), placeholder: localized('e.g. data.order.status', 'ex.: data.order.status') }),
  variable: field(z.string().nullable(), { label: localized('Save in', 'Salvar em'), widget: 'variable' }),
});

const httpRequestConfig = z.object({
  method: field(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']), { label: localized('Method', 'Método') }),
  url: field(z.string().max(2000), {
    label: localized('URL', 'URL'),
    hint: localized('Your system’s address. {{placeholders}} are URL-encoded.', 'O endereço do seu sistema. {{placeholders}} são codificados para URL.'),
    placeholder: localized('e.g. https://api.example.com/orders/{{order_id}}', 'ex.: https://api.exemplo.com.br/pedidos/{{pedido}}'),
    widget: 'template',
    rows: 1,
  }),
  headers: field(z.array(header).max(20), { label: localized('Headers', 'Cabeçalhos') }),
  body: field(z.string().max(10_000), {
    label: localized('JSON body', 'Corpo JSON'),
    hint: localized('Sent with GET too if filled. {{placeholders}} are inserted as JSON text.', 'Enviado mesmo com GET se preenchido. {{placeholders}} entram como texto JSON.'),
    placeholder: localized('e.g. {"phone": "{{contact.phone}}"}', 'ex.: {"telefone": "{{contact.phone}}"}'),
    widget: 'template',
    rows: 4,
  }),
  mappings: field(z.array(mapping).max(20), { label: localized('Save from the answer', 'Salvar da resposta') }),
  timeoutSeconds: field(z.int().min(1).max(30), { label: localized('Give up after (seconds)', 'Desistir depois de (segundos)') }),
});

export type HttpRequestConfig = z.output<typeof httpRequestConfig>;

/** The body with every placeholder replaced by a plain string, so its JSON shape can be checked. */
function bodyIsJson(body: string): boolean {
  const probe = parseTemplate(body).map((s) => (s.kind === 'text' ? s.text : 'x')).join('');
  try {
    JSON.parse(probe);
    return true;
  } catch {
    return false;
  }
}

function checkHttpRequest(config: HttpRequestConfig, ctx: CheckContext): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  const url = config.url.trim();
  if (url === '') problems.push({ code: 'required_field', path: 'url' });
  else if (!/^https?:\/\//i.test(url)) problems.push({ code: 'invalid_format', path: 'url' });
  config.headers.forEach((h, i) => {
    if (!HEADER_NAME.test(h.name.trim())) problems.push({ code: h.name.trim() === '' ? 'required_field' : 'invalid_format', path: `headers.${i}.name` });
  });
  if (config.body.trim() !== '' && !bodyIsJson(config.body)) problems.push({ code: 'invalid_format', path: 'body' });
  config.mappings.forEach((m, i) => {
    if (!JSON_PATH.test(m.path.trim())) problems.push({ code: m.path.trim() === '' ? 'required_field' : 'invalid_format', path: `mappings.${i}.path` });
    if (m.variable === null) problems.push({ code: 'required_field', path: `mappings.${i}.variable` });
    else problems.push(...variableProblems(m.variable, `mappings.${i}.variable`, ctx));
  });
  return problems;
}

export const httpRequestNode = defineNode({
  type: 'http_request',
  version: 1,
  icon: 'api',
  color: 'indigo',
  label: localized('HTTP request', 'Requisição HTTP'),
  description: localized(
    'Calls your own system and saves parts of its JSON answer in variables.',
    'Chama o seu próprio sistema e salva partes da resposta JSON em variáveis.',
  ),
  config: httpRequestConfig,
  isEntry: false,
  defaults: (): HttpRequestConfig => ({ method: 'GET', url: '', headers: [], body: '', mappings: [], timeoutSeconds: 10 }),
  outputs: () => [handle('ok', localized('Answered', 'Respondeu'), true), handle('error', localized('Failed', 'Falhou'), false)],
  summary: (config) => truncate(`${config.method} ${config.url}`, 60),
  waitsForCustomer: () => false,
  // Header values are not templates: they are sent as typed (and secret ones never leave the server).
  templates: (config) => [
    { path: 'url', text: config.url },
    { path: 'body', text: config.body },
  ],
  // Read from a draft that may not parse yet, so only the headers' shape is relied on.
  secrets: (config) =>
    (Array.isArray(config.headers) ? config.headers : []).flatMap((h, i) => {
      const name = typeof h?.name === 'string' ? h.name.trim().toLowerCase() : '';
      return h?.secret === true || CREDENTIAL_HEADERS.has(name) ? [{ path: `headers.${i}.value`, key: `header:${name}` }] : [];
    }),
  check: checkHttpRequest,
});
