import { error, warning } from './catalog-entry';

// Problems raised by the node definitions' own checks (content rules and WhatsApp limits).
export const nodeProblems = {
  trigger_without_condition: error(
    'This trigger never fires: add a keyword, or turn on “start on a new contact’s first message” or “start when no other flow matches”.',
    'Este gatilho nunca dispara: adicione uma palavra-chave ou ative “iniciar na primeira mensagem de um novo contato” ou “iniciar quando nenhum outro fluxo corresponder”.',
  ),
  keyword_empty: error('The keyword is empty.', 'A palavra-chave está vazia.'),
  keyword_too_long: error(
    'A keyword is at most {max} characters; this one has {length}.',
    'Uma palavra-chave tem no máximo {max} caracteres; esta tem {length}.',
  ),
  text_required: error(
    'Write the message text or attach media.',
    'Escreva o texto da mensagem ou anexe uma mídia.',
  ),
  text_too_long: error(
    'WhatsApp allows at most {max} characters here; this text has {length}.',
    'O WhatsApp permite no máximo {max} caracteres aqui; este texto tem {length}.',
  ),
  too_many_buttons: error(
    'WhatsApp allows at most {max} buttons.',
    'O WhatsApp permite no máximo {max} botões.',
  ),
  title_required: error('The list\'s button label is empty.', 'O rótulo do botão da lista está vazio.'),
  button_title_required: error('Button {n} has no title.', 'O botão {n} está sem título.'),
  row_title_required: error('Row {n} of the list has no title.', 'A linha {n} da lista está sem título.'),
  title_too_long: error(
    'WhatsApp allows at most {max} characters in this title; it has {length}.',
    'O WhatsApp permite no máximo {max} caracteres neste título; ele tem {length}.',
  ),
  description_too_long: error(
    'WhatsApp allows at most {max} characters in a row description; it has {length}.',
    'O WhatsApp permite no máximo {max} caracteres na descrição da linha; ela tem {length}.',
  ),
  duplicate_button_id: error('Two buttons share the id “{id}”.', 'Dois botões usam o id “{id}”.'),
  duplicate_button_title: error(
    'Two buttons read “{title}”; the customer could not tell them apart.',
    'Dois botões dizem “{title}”; o cliente não conseguiria diferenciá-los.',
  ),
  duplicate_row_id: error('Two list rows share the id “{id}”.', 'Duas linhas da lista usam o id “{id}”.'),
  buttons_and_list: error(
    'A message has buttons or a list, not both.',
    'Uma mensagem tem botões ou uma lista, não os dois.',
  ),
  list_empty: error('The list needs at least one row.', 'A lista precisa de pelo menos uma linha.'),
  too_many_rows: error(
    'WhatsApp lists allow at most {max} rows.',
    'Listas do WhatsApp permitem no máximo {max} linhas.',
  ),
  media_source_missing: error(
    'Upload a file or enter a link for the media.',
    'Envie um arquivo ou informe um link para a mídia.',
  ),
  media_url_invalid: error(
    'The media link must start with http:// or https://.',
    'O link da mídia deve começar com http:// ou https://.',
  ),
  options_required: error(
    'List the options the customer can answer.',
    'Liste as opções que o cliente pode responder.',
  ),
  option_empty: error('The option is empty.', 'A opção está vazia.'),
  branches_required: error('Add at least one branch.', 'Adicione pelo menos um caminho.'),
  rules_required: error(
    'This branch needs at least one rule.',
    'Este caminho precisa de pelo menos uma regra.',
  ),
  duplicate_branch_id: error('Two branches share the id “{id}”.', 'Dois caminhos usam o id “{id}”.'),
  number_required: error(
    'This comparison needs a number, such as 10 or 2.5.',
    'Esta comparação precisa de um número, como 10 ou 2,5.',
  ),
  unknown_operand: error(
    '“{name}” is neither a contact field nor a declared variable.',
    '“{name}” não é um campo do contato nem uma variável declarada.',
  ),
  tag_operand_mismatch: error(
    '“has tag” compares contact tags; choose “contact.tags” on the left.',
    '“tem etiqueta” compara etiquetas do contato; escolha “contact.tags” à esquerda.',
  ),
  attribute_name_invalid: error(
    'An attribute name has letters, digits, _ . or - only (no spaces, e.g. data_de_nascimento), up to 64; “{name}” does not fit.',
    'Um nome de atributo tem só letras, números, _ . ou - (sem espaços, ex.: data_de_nascimento), até 64; “{name}” não serve.',
  ),
  hours_required: error('Add at least one line of opening hours.', 'Adicione pelo menos uma linha de horário.'),
  days_required: error('Pick the days this line is open.', 'Escolha os dias em que esta linha vale.'),
  transfer_message_empty: warning(
    'The customer is told nothing when the chat is handed to the team: write a message, e.g. “An agent will be with you shortly.”',
    'O cliente não fica sabendo de nada quando a conversa passa para a equipe: escreva uma mensagem, ex.: “Um atendente já vai falar com você.”',
  ),
  system_prompt_empty: warning(
    'Without instructions the AI knows nothing about your business.',
    'Sem instruções a IA não sabe nada sobre o seu negócio.',
  ),
} as const;
