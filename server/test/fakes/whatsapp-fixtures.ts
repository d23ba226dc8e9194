// One Cloud API message object per inbound type and event, composed from the shapes in Meta's
// webhook reference ("Messages" webhook: text, image, audio, video, document, sticker, location,
// contacts, order, interactive button/list/nfm/call-permission replies, button, reaction, system,
// unsupported; `context`, `referral`). The `edit` and `revoke` shapes (`original_message_id`) follow
// Meta's edit/revoke webhook pages. Each fixture names what the stored message must contain.

export type Fixture = {
  name: string;
  /** The message object without id/from/timestamp (the fake adds them); `target` fills in ids. */
  message: (target: string) => Record<string, unknown>;
  /** Stored row: type, readable pt-BR text, and a part of the payload. */
  type: string;
  text: (targetText: string) => string;
  payload: Record<string, unknown>;
  /** Reaches the flow engine (a customer message) or only updates the thread. */
  answered: boolean;
};

export const TARGET_TEXT = 'Qual o preço?';

export const FIXTURES: Fixture[] = [
  {
    name: 'text', type: 'text', answered: true, text: () => 'Oi, quero um orçamento',
    message: () => ({ type: 'text', text: { body: 'Oi, quero um orçamento' } }), payload: { text: 'Oi, quero um orçamento' },
  },
  {
    name: 'image with caption', type: 'image', answered: true, text: () => 'foto do produto',
    message: () => ({ type: 'image', image: { caption: 'foto do produto', mime_type: 'image/jpeg', sha256: 'abc', id: '2754859441498128' } }),
    payload: { media: { providerMediaId: '2754859441498128', mimeType: 'image/jpeg', filename: null, voice: false } },
  },
  {
    name: 'voice note', type: 'audio', answered: true, text: () => 'Mensagem de voz',
    message: () => ({ type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'abc', id: '1003383421387256', voice: true } }),
    payload: { media: { providerMediaId: '1003383421387256', mimeType: 'audio/ogg; codecs=opus', filename: null, voice: true } },
  },
  {
    name: 'document', type: 'document', answered: true, text: () => 'segue a nota',
    message: () => ({ type: 'document', document: { caption: 'segue a nota', filename: 'nota.pdf', mime_type: 'application/pdf', sha256: 'abc', id: '1076390103853483' } }),
    payload: { media: { providerMediaId: '1076390103853483', mimeType: 'application/pdf', filename: 'nota.pdf', voice: false } },
  },
  {
    name: 'sticker', type: 'sticker', answered: true, text: () => 'Figurinha',
    message: () => ({ type: 'sticker', sticker: { mime_type: 'image/webp', sha256: 'abc', id: '1228491638470123', animated: false } }),
    payload: { type: 'sticker' },
  },
  {
    name: 'location with a name and an address', type: 'location', answered: true, text: () => 'Localização: Escritório, Av. Paulista, 1000',
    message: () => ({ type: 'location', location: { address: 'Av. Paulista, 1000', latitude: -23.5614, longitude: -46.6559, name: 'Escritório', url: 'https://example.com' } }),
    payload: { location: { latitude: -23.5614, longitude: -46.6559, name: 'Escritório', address: 'Av. Paulista, 1000', url: 'https://example.com' } },
  },
  {
    name: 'location with coordinates only', type: 'location', answered: true, text: () => 'Localização: -23.5614, -46.6559',
    message: () => ({ type: 'location', location: { latitude: -23.5614, longitude: -46.6559 } }),
    payload: { location: { latitude: -23.5614, longitude: -46.6559, name: null, address: null, url: null } },
  },
  {
    name: 'contact card', type: 'contacts', answered: true, text: () => 'Contato: Maria Souza',
    message: () => ({
      type: 'contacts',
      contacts: [{
        addresses: [{ city: 'São Paulo', country: 'Brasil', type: 'WORK' }],
        emails: [{ email: 'maria@example.com', type: 'WORK' }],
        name: { first_name: 'Maria', last_name: 'Souza', formatted_name: 'Maria Souza' },
        org: { company: 'Loja X', title: 'Gerente' },
        phones: [{ phone: '+55 11 97777-6666', wa_id: '5511977776666', type: 'CELL' }],
      }],
    }),
    payload: { contacts: [{ name: 'Maria Souza', phones: [{ phone: '+55 11 97777-6666', type: 'CELL', waId: '5511977776666' }], emails: ['maria@example.com'], organization: 'Loja X' }] },
  },
  {
    name: 'order', type: 'order', answered: true, text: () => 'Pedido: 2 itens — Quero estes',
    message: () => ({
      type: 'order',
      order: { catalog_id: '1234567890', text: 'Quero estes', product_items: [
        { product_retailer_id: 'SKU-1', quantity: '2', item_price: '49.9', currency: 'BRL' },
        { product_retailer_id: 'SKU-2', quantity: 1, item_price: 10, currency: 'BRL' },
      ] },
    }),
    payload: { order: { catalogId: '1234567890', text: 'Quero estes', items: [
      { productId: 'SKU-1', quantity: 2, price: 49.9, currency: 'BRL' }, { productId: 'SKU-2', quantity: 1, price: 10, currency: 'BRL' },
    ] } },
  },
  {
    name: 'reply button tap', type: 'interactive', answered: true, text: () => 'Sim',
    message: (t) => ({ context: { from: '15550000000', id: t }, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'confirm_yes', title: 'Sim' } } }),
    payload: { replyId: 'confirm_yes', interactive: { kind: 'button_reply', id: 'confirm_yes', title: 'Sim', description: null } },
  },
  {
    name: 'list row tap', type: 'interactive', answered: true, text: () => 'Entrega expressa',
    message: () => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'row_2', title: 'Entrega expressa', description: '1-2 dias' } } }),
    payload: { replyId: 'row_2', interactive: { kind: 'list_reply', id: 'row_2', title: 'Entrega expressa', description: '1-2 dias' } },
  },
  {
    name: 'WhatsApp Flow answers (nfm_reply)', type: 'interactive', answered: true, text: () => 'Formulário enviado: 2026-12-05, Ana',
    message: () => ({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"tok-1","nome":"Ana","data":"2026-12-05"}' } } }),
    payload: { interactive: { kind: 'nfm_reply', name: 'flow', body: 'Sent', response: { flow_token: 'tok-1', nome: 'Ana', data: '2026-12-05' } } },
  },
  {
    name: 'template quick-reply button', type: 'button', answered: true, text: () => 'Parar promoções',
    message: () => ({ type: 'button', button: { payload: 'STOP_PROMO', text: 'Parar promoções' } }),
    payload: { replyId: 'STOP_PROMO' },
  },
  {
    name: 'quoted reply (context)', type: 'text', answered: true, text: () => 'sobre esse aqui',
    message: (t) => ({ context: { from: '5511988887777', id: t }, type: 'text', text: { body: 'sobre esse aqui' } }),
    payload: { context: { messageId: 'TARGET', from: '5511988887777' } },
  },
  {
    name: 'forwarded', type: 'text', answered: true, text: () => 'olha isso',
    message: () => ({ context: { forwarded: true, frequently_forwarded: true }, type: 'text', text: { body: 'olha isso' } }),
    payload: { forwarded: true, frequentlyForwarded: true },
  },
  {
    name: 'click-to-WhatsApp ad referral', type: 'text', answered: true, text: () => 'Vi o anúncio',
    message: () => ({
      type: 'text', text: { body: 'Vi o anúncio' },
      referral: { source_url: 'https://fb.me/ad1', source_id: '120211', source_type: 'ad', headline: 'Promo', body: 'Frete grátis', media_type: 'image', image_url: 'https://x/y.jpg', ctwa_clid: 'ARAkLkA8' },
    }),
    payload: { referral: { sourceUrl: 'https://fb.me/ad1', sourceType: 'ad', sourceId: '120211', headline: 'Promo', body: 'Frete grátis', ctwaClid: 'ARAkLkA8' } },
  },
  {
    name: 'unsupported message', type: 'unsupported', answered: true, text: () => 'Mensagem não suportada',
    message: () => ({
      type: 'unsupported',
      errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
      unsupported: { type: 'poll' },
    }),
    payload: { unsupported: { code: '131051', reason: 'Message type is currently not supported.' } },
  },
  {
    name: 'reaction', type: 'reaction', answered: false, text: (t) => `Reagiu com 👍 a '${t}'`,
    message: (t) => ({ type: 'reaction', reaction: { message_id: t, emoji: '👍' } }),
    payload: { reaction: { messageId: 'TARGET', emoji: '👍', targetText: TARGET_TEXT } },
  },
  {
    name: 'call permission reply', type: 'interactive', answered: false, text: () => 'Permitiu ligações',
    message: () => ({ type: 'interactive', interactive: { type: 'call_permission_reply', call_permission_reply: { response: 'accept', is_permanent: false, expiration_timestamp: 1750957384, response_source: 'user_action' } } }),
    payload: { interactive: { kind: 'call_permission_reply', accepted: true } },
  },
];
