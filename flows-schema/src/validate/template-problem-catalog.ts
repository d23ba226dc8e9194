import { error } from './catalog-entry';

// Problems of a send_template step against the workspace's templates as synced from WhatsApp: each
// is a send WhatsApp would refuse (132001 no such template, 132015/132016 paused or disabled, 132000
// a parameter missing or too many). The server finds them on publish; the editor asks for them.
export const templateProblems = {
  template_missing: error(
    'The workspace has no WhatsApp template “{name}” in {language}: pick another, or sync the templates if it was made in Meta’s tools.',
    'O espaço de trabalho não tem o modelo do WhatsApp “{name}” em {language}: escolha outro ou sincronize os modelos, se ele foi criado nas ferramentas da Meta.',
  ),
  template_not_approved: error(
    'The template “{name}” is {status} at WhatsApp; only approved templates can be sent.',
    'O modelo “{name}” está {status} no WhatsApp; só modelos aprovados podem ser enviados.',
  ),
  template_body_count: error(
    'The template “{name}” takes {expected} body value(s); this step gives {given}. Pick the template again to fit its values.',
    'O modelo “{name}” recebe {expected} valor(es) no corpo; esta etapa tem {given}. Escolha o modelo de novo para ajustar os valores.',
  ),
  template_header_mismatch: error(
    'The template “{name}” takes {expected} in its header; this step gives {given}. Pick the template again to fit its values.',
    'O modelo “{name}” recebe {expected} no cabeçalho; esta etapa tem {given}. Escolha o modelo de novo para ajustar os valores.',
  ),
  template_button_value: error(
    'The template “{name}” needs the {button}: WhatsApp refuses the message without it. Pick the template again and fill it in.',
    'O modelo “{name}” precisa do {button}: o WhatsApp recusa a mensagem sem ele. Escolha o modelo de novo e preencha o valor.',
  ),
} as const;
