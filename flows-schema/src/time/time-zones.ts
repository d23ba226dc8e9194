// The time zones a business picks from, named for people rather than as IANA ids: the business
// hours step and the campaigns' sending window offer this one list. Brazil's zones come first
// (most of our businesses), then neighbours and a few others.
import { localized, type Locale, type Localized } from '../localized';

export const TIME_ZONES = {
  'America/Sao_Paulo': localized('Brasília (São Paulo, Rio, Minas, South, Northeast)', 'Brasília (SP, RJ, MG, Sul, Nordeste)'),
  'America/Manaus': localized('Amazonas (Manaus)', 'Amazonas (Manaus)'),
  'America/Cuiaba': localized('Mato Grosso (Cuiabá)', 'Mato Grosso (Cuiabá)'),
  'America/Campo_Grande': localized('Mato Grosso do Sul (Campo Grande)', 'Mato Grosso do Sul (Campo Grande)'),
  'America/Porto_Velho': localized('Rondônia (Porto Velho)', 'Rondônia (Porto Velho)'),
  'America/Boa_Vista': localized('Roraima (Boa Vista)', 'Roraima (Boa Vista)'),
  'America/Rio_Branco': localized('Acre (Rio Branco)', 'Acre (Rio Branco)'),
  'America/Noronha': localized('Fernando de Noronha', 'Fernando de Noronha'),
  'Europe/Lisbon': localized('Portugal (Lisbon)', 'Portugal (Lisboa)'),
  'America/Argentina/Buenos_Aires': localized('Argentina (Buenos Aires)', 'Argentina (Buenos Aires)'),
  'America/Santiago': localized('Chile (Santiago)', 'Chile (Santiago)'),
  'America/Bogota': localized('Colombia (Bogotá)', 'Colômbia (Bogotá)'),
  'America/Mexico_City': localized('Mexico (Mexico City)', 'México (Cidade do México)'),
  'America/New_York': localized('US Eastern (New York)', 'EUA Leste (Nova York)'),
  'Europe/London': localized('United Kingdom (London)', 'Reino Unido (Londres)'),
  UTC: localized('UTC', 'UTC'),
} as const satisfies Record<string, Localized>;

export type TimeZone = keyof typeof TIME_ZONES;
export const TIME_ZONE_IDS = Object.keys(TIME_ZONES) as [TimeZone, ...TimeZone[]];

/** A zone's name for people; a zone outside the list (the API takes any IANA id) keeps its id. */
export function timeZoneLabel(zone: string, locale: Locale): string {
  return Object.hasOwn(TIME_ZONES, zone) ? TIME_ZONES[zone as TimeZone][locale] : zone;
}

/** Whether the runtime knows an IANA zone id (the API takes any, not only the listed ones). */
export const isValidTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * The runtime's own id of a zone it knows: an old alias such as US/Pacific-New names the zone it
 * stands for (America/Los_Angeles), the id a database's zone list also has, and "utc" is UTC.
 */
export const canonicalTimeZone = (tz: string): string => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
