import { error, warning } from './catalog-entry';

// Codes are a stable API: the editor keys field highlights and help links on them, so rename
// nothing here; add new codes instead. A code always has the same severity.
export const documentProblems = {
  required_field: error('“{path}” is required.', '“{path}” é obrigatório.'),
  invalid_type: error('“{path}” must be {expected}.', '“{path}” deve ser {expected}.'),
  invalid_value: error('“{path}” must be one of: {values}.', '“{path}” deve ser um destes: {values}.'),
  invalid_format: error('“{path}” has an invalid format.', '“{path}” tem um formato inválido.'),
  too_small: error('“{path}” must be at least {limit}.', '“{path}” deve ter no mínimo {limit}.'),
  too_big: error('“{path}” must be at most {limit}.', '“{path}” deve ter no máximo {limit}.'),
  invalid_input: error('“{path}” is not valid.', '“{path}” não é válido.'),
  unsupported_schema_version: error(
    'This flow was saved by a newer version of Zyntra (schema {version}); update the app to open it.',
    'Este fluxo foi salvo por uma versão mais nova do Zyntra (esquema {version}); atualize o app para abri-lo.',
  ),
  outdated_schema_version: error(
    'This flow uses the old schema version {version}; upgrade it with migrateFlow before validating.',
    'Este fluxo usa a versão antiga de esquema {version}; atualize-o com migrateFlow antes de validar.',
  ),
  unknown_node_type: error('Unknown node type “{type}”.', 'Tipo de bloco desconhecido “{type}”.'),
  too_many_nodes: error(
    'This flow has {count} nodes; the limit is {max}. Split it into smaller flows.',
    'Este fluxo tem {count} blocos; o limite é {max}. Divida-o em fluxos menores.',
  ),
  too_many_edges: error(
    'This flow has {count} connections; the limit is {max}. Split it into smaller flows.',
    'Este fluxo tem {count} conexões; o limite é {max}. Divida-o em fluxos menores.',
  ),
  too_much_data: error(
    '“{path}” holds too much data (more than {max} values); simplify it.',
    '“{path}” tem dados demais (mais de {max} valores); simplifique-o.',
  ),
  too_many_problems: warning(
    'Only the first {shown} problems are listed; fix these first.',
    'Só os primeiros {shown} problemas são listados; corrija-os primeiro.',
  ),
  internal_error: error(
    'The flow could not be checked ({reason}). Please report this bug.',
    'Não foi possível verificar o fluxo ({reason}). Por favor, relate este erro.',
  ),
} as const;

export const graphProblems = {
  duplicate_node_id: error('Another node already uses the id “{id}”.', 'Outro bloco já usa o id “{id}”.'),
  duplicate_edge_id: error(
    'Another connection already uses the id “{id}”.',
    'Outra conexão já usa o id “{id}”.',
  ),
  edge_source_missing: error(
    'This connection starts at node “{id}”, which does not exist.',
    'Esta conexão começa no bloco “{id}”, que não existe.',
  ),
  edge_target_missing: error(
    'This connection leads to node “{id}”, which does not exist.',
    'Esta conexão leva ao bloco “{id}”, que não existe.',
  ),
  edge_unknown_handle: error(
    'Node “{nodeId}” has no output “{handle}”; reconnect this line.',
    'O bloco “{nodeId}” não tem a saída “{handle}”; reconecte esta linha.',
  ),
  duplicate_handle_edge: error(
    'Output “{handle}” of node “{nodeId}” already has a connection; an output leads to one node only.',
    'A saída “{handle}” do bloco “{nodeId}” já tem uma conexão; uma saída leva a um único bloco.',
  ),
  missing_trigger: error('The flow needs a trigger node.', 'O fluxo precisa de um bloco de gatilho.'),
  multiple_triggers: error(
    'A flow has exactly one trigger; remove this one or move it to another flow.',
    'Um fluxo tem exatamente um gatilho; remova este ou mova-o para outro fluxo.',
  ),
  message_outside_window: warning(
    'This message can run more than 24 hours after the customer last wrote: outside the 24-hour window WhatsApp only delivers approved templates. Use a “Send a template” step here.',
    'Esta mensagem pode ser enviada mais de 24 horas depois da última mensagem do cliente: fora da janela de 24 horas o WhatsApp só entrega modelos aprovados. Use aqui uma etapa “Enviar modelo”.',
  ),
  node_unreachable: warning(
    'This step never runs: no path leads to it from the trigger.',
    'Esta etapa nunca é executada: nenhum caminho leva a ela a partir do gatilho.',
  ),
  output_unconnected: error('Connect the “{label}” output.', 'Conecte a saída “{label}”.'),
  optional_output_unconnected: warning(
    'The “{label}” output is not connected; the conversation ends there.',
    'A saída “{label}” não está conectada; a conversa termina ali.',
  ),
  loop_without_wait: error(
    'Nodes {nodes} form a loop that never waits for the customer, so it would repeat forever.',
    'Os blocos {nodes} formam um ciclo que nunca espera o cliente e se repetiria para sempre.',
  ),
} as const;

export const variableProblems = {
  undeclared_variable: error(
    'Variable “{name}” is not declared; add it in the flow settings.',
    'A variável “{name}” não foi declarada; adicione-a nas configurações do fluxo.',
  ),
  malformed_placeholder: warning(
    '“{text}” looks like a variable but is not one, so it is sent as typed.',
    '“{text}” parece uma variável, mas não é, e será enviado como está.',
  ),
  invalid_variable_name: error(
    'Variable names use letters, digits and _, and do not start with a digit (e.g. order_id).',
    'Nomes de variáveis usam letras, dígitos e _, e não começam com dígito (ex.: numero_pedido).',
  ),
  duplicate_variable: error(
    'Variable “{name}” is declared twice.',
    'A variável “{name}” foi declarada duas vezes.',
  ),
  reserved_variable_name: error(
    '“{name}” is a built-in variable or a contact field and cannot be declared.',
    '“{name}” é uma variável embutida ou um campo do contato e não pode ser declarada.',
  ),
  regex_invalid: error(
    'This regular expression is not valid: {reason}.',
    'Esta expressão regular não é válida: {reason}.',
  ),
  regex_unsafe: error(
    'This regular expression is too complex to run safely (like (a+)+ or .{1000}); simplify it.',
    'Esta expressão regular é complexa demais para rodar com segurança (como (a+)+ ou .{1000}); simplifique-a.',
  ),
  regex_too_long: error(
    'Regular expressions are limited to {max} characters.',
    'Expressões regulares têm no máximo {max} caracteres.',
  ),
  secret_too_long: error(
    'A credential holds at most {max} characters (it is stored encrypted); this one has {length}.',
    'Uma credencial tem no máximo {max} caracteres (ela é guardada criptografada); esta tem {length}.',
  ),
  too_many_regexes: error(
    'A flow can use at most {max} regular expressions; use plain keywords here or split the flow.',
    'Um fluxo pode usar no máximo {max} expressões regulares; use palavras-chave simples aqui ou divida o fluxo.',
  ),
} as const;
