import { describe, expect, it } from 'vitest';
import { edge, flow, node, trigger } from '../testing/flow-builders';
import type { NodeConfig } from '../nodes';
import { templateStepProblems, type WorkspaceTemplate } from './template-step-problems';

const components = [
  { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW'] } },
  { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.' },
  { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Falar' }, { type: 'URL', text: 'Rastrear', url: 'https://loja.example/r/{{1}}' }, { type: 'COPY_CODE', example: 'VOLTA10' }] },
];
const approved: WorkspaceTemplate = { name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', components };
/** A step that gives the template everything it takes. */
const fits: Partial<NodeConfig<'send_template'>> = {
  name: 'pedido_saiu', language: 'pt_BR', body: ['{{contact.name}}', '#1023'], headerType: 'image', header: 'https://cdn.example/b.jpg',
  buttons: [{ index: 1, subType: 'url', value: '{{pedido}}' }, { index: 2, subType: 'copy_code', value: 'VOLTA10' }],
};
const docWith = (config: Partial<NodeConfig<'send_template'>>) => flow([trigger(), node('tpl', 'send_template', config)], [edge('start', 'next', 'tpl')]);
const check = (config: Partial<NodeConfig<'send_template'>>, templates: WorkspaceTemplate[] = [approved]) => templateStepProblems(docWith(config), templates);

describe('templateStepProblems', () => {
  it('when the step gives the approved template all it takes, then there is no problem', () => {
    expect(check(fits)).toEqual([]);
  });

  it('when the workspace has no template of that name and language, then an error names both on the step', () => {
    expect(check(fits, [])).toEqual([{
      code: 'template_missing', severity: 'error', nodeId: 'tpl', path: 'config.name',
      message: {
        en: 'The workspace has no WhatsApp template “pedido_saiu” in pt_BR: pick another, or sync the templates if it was made in Meta’s tools.',
        'pt-BR': 'O espaço de trabalho não tem o modelo do WhatsApp “pedido_saiu” em pt_BR: escolha outro ou sincronize os modelos, se ele foi criado nas ferramentas da Meta.',
      },
    }]);
  });

  it('when the workspace has the same name in another language only, then it is missing', () => {
    const english = { ...approved, language: 'en_US' };
    expect(check(fits, [english]).map((p) => p.code)).toEqual(['template_missing']);
    expect(check({ ...fits, language: 'en_US' }, [english])).toEqual([]);
  });

  it.each([
    ['PENDING', 'in review', 'em análise'],
    ['REJECTED', 'rejected', 'rejeitado'],
    ['PAUSED', 'paused', 'pausado'],
    ['DISABLED', 'disabled', 'desativado'],
  ])('when the template is %s, then an error says so in both languages', (status, en, ptBR) => {
    const [problem] = check(fits, [{ ...approved, status }]);
    expect(problem).toMatchObject({ code: 'template_not_approved', severity: 'error', nodeId: 'tpl', path: 'config.name' });
    expect(problem!.message.en).toBe(`The template “pedido_saiu” is ${en} at WhatsApp; only approved templates can be sent.`);
    expect(problem!.message['pt-BR']).toBe(`O modelo “pedido_saiu” está ${ptBR} no WhatsApp; só modelos aprovados podem ser enviados.`);
  });

  it('when one channel holds it approved and another paused, then the approved one counts', () => {
    expect(check(fits, [{ ...approved, status: 'PAUSED' }, approved])).toEqual([]);
  });

  it('when the step gives fewer or more body values than the body has variables, then an error gives both counts', () => {
    const [fewer] = check({ ...fits, body: ['{{contact.name}}'] });
    expect(fewer).toMatchObject({ code: 'template_body_count', severity: 'error', nodeId: 'tpl', path: 'config.body' });
    expect(fewer!.message.en).toBe('The template “pedido_saiu” takes 2 body value(s); this step gives 1. Pick the template again to fit its values.');
    expect(fewer!.message['pt-BR']).toBe('O modelo “pedido_saiu” recebe 2 valor(es) no corpo; esta etapa tem 1. Escolha o modelo de novo para ajustar os valores.');
    expect(check({ ...fits, body: ['a', 'b', 'c'] }).map((p) => p.code)).toEqual(['template_body_count']);
  });

  it('when the step gives the header another kind of value than the template takes, then an error names both', () => {
    const [header] = check({ ...fits, headerType: 'none', header: '' });
    expect(header).toMatchObject({ code: 'template_header_mismatch', path: 'config.headerType' });
    expect(header!.message.en).toBe('The template “pedido_saiu” takes an image in its header; this step gives no value. Pick the template again to fit its values.');
  });

  it('when a link or coupon button has no value stored (a step published before buttons took values), then an error per button', () => {
    const problems = check({ ...fits, buttons: [] });
    expect(problems.map((p) => `${p.code}:${p.path}`)).toEqual(['template_button_value:config.buttons', 'template_button_value:config.buttons']);
    expect(problems[0]!.message.en).toBe('The template “pedido_saiu” needs the link ending of button 2: WhatsApp refuses the message without it. Pick the template again and fill it in.');
    expect(problems[1]!.message['pt-BR']).toBe('O modelo “pedido_saiu” precisa do código do cupom do botão 3: o WhatsApp recusa a mensagem sem ele. Escolha o modelo de novo e preencha o valor.');
  });

  it('when a button is there with an empty value, then it is left to the step’s own required_field', () => {
    expect(check({ ...fits, buttons: [{ index: 1, subType: 'url', value: '' }, { index: 2, subType: 'copy_code', value: 'X' }] })).toEqual([]);
  });

  it('when a step names no template yet, or the document does not read, then nothing is checked', () => {
    expect(check({ name: '' }, [])).toEqual([]);
    expect(templateStepProblems({ nodes: 'x' }, [])).toEqual([]);
    expect(templateStepProblems(null, [])).toEqual([]);
  });
});
