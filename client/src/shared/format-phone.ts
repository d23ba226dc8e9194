// How every screen writes a phone number: "+55 11 91234-5678" for Brazilian numbers, a leading +
// for others, whether the contact's number came stored as "+5511…" or as WhatsApp's digits.
export function formatPhone(raw: string): string {
  const d = raw.replace(/\D/g, '');
  const br = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(d);
  if (br) return `+55 ${br[1]} ${br[2]}-${br[3]}`;
  return d ? `+${d}` : raw;
}
