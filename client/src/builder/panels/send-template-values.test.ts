import { nodeRegistry, type SendTemplateConfig, type TemplateComponent } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { buttonShown, pickedTemplate } from './send-template-values';

const components: TemplateComponent[] = [
  { type: 'HEADER', format: 'IMAGE' },
  { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu.', example: { body_text: [['Ana', '#1023']] } },
  { type: 'BUTTONS', buttons: [
    { type: 'QUICK_REPLY', text: 'Quero!' },
    { type: 'URL', text: 'Rastrear', url: 'https://loja.example/pedido/{{1}}', example: ['1023'] },
    { type: 'URL', text: 'Loja', url: 'https://loja.example' },
    { type: 'COPY_CODE', example: 'VOLTA10' },
  ] },
];
const pedido = { name: 'pedido_saiu', language: 'pt_BR', components };
const empty = (): SendTemplateConfig => nodeRegistry.send_template.defaults();

describe('the send_template panel’s pick', () => {
  it('when a template is picked, then the step takes its values: the body’s suggestions, the header kind and one empty slot per button that takes a value', () => {
    expect(pickedTemplate(pedido, empty())).toEqual({
      name: 'pedido_saiu', language: 'pt_BR', text: 'Olá {{1}}, seu pedido {{2}} saiu.',
      body: ['{{contact.name}}', '#1023'], headerType: 'image', header: '',
      buttons: [{ index: 1, subType: 'url', value: '' }, { index: 3, subType: 'copy_code', value: '' }],
    });
  });

  it('when the same template is picked again, then what was typed stays; another template starts afresh', () => {
    const typed = {
      ...pickedTemplate(pedido, empty()), body: ['{{contact.name}}', '{{pedido}}'], header: 'https://cdn.example/b.jpg',
      buttons: [{ index: 1, subType: 'url' as const, value: '{{pedido}}' }, { index: 3, subType: 'copy_code' as const, value: 'VOLTA-{{pedido}}' }],
    };
    expect(pickedTemplate(pedido, typed)).toEqual(typed);
    // The template gained a variable and lost its coupon since: the rest of what was typed is kept.
    const edited = { ...pedido, components: [
      { type: 'BODY' as const, text: 'Olá {{1}}, pedido {{2}}, {{3}}.', example: { body_text: [['Ana', '#1', 'hoje']] } },
      { type: 'BUTTONS' as const, buttons: [{ type: 'QUICK_REPLY' as const, text: 'Quero!' }, { type: 'URL' as const, text: 'Rastrear', url: 'https://loja.example/pedido/{{1}}' }] },
    ] };
    expect(pickedTemplate(edited, typed)).toMatchObject({ body: ['{{contact.name}}', '{{pedido}}', 'hoje'], headerType: 'none', header: '', buttons: [{ index: 1, subType: 'url', value: '{{pedido}}' }] });
    expect(pickedTemplate({ ...pedido, name: 'outro' }, typed).buttons.map((b) => b.value)).toEqual(['', '']);
  });

  it('when a slot is shown, then a link button reads as its label and the address part it completes', () => {
    expect(buttonShown(components, 1)).toEqual({ text: 'Rastrear', fixed: 'https://loja.example/pedido/' });
    expect(buttonShown(components, 3)).toEqual({});
    expect(buttonShown(undefined, 1)).toEqual({});
  });
});
