// In CLDR, Portuguese counts 0 as singular (Intl.PluralRules('pt-BR').select(0) is "one"), so a count
// of 0 read "0 resposta", "de 0 pesquisa enviada"; Brazilian Portuguese writes "0 respostas". Every
// `_one` text without a `_zero` of its own reads its `_other` at 0 (i18next picks `_zero` for 0).
type Tree = { [key: string]: string | Tree };

export function zeroTakesPlural<T extends Tree>(tree: T): T {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'string' ? value : zeroTakesPlural(value);
    const base = key.endsWith('_one') ? key.slice(0, -'_one'.length) : null;
    const other = base === null ? undefined : tree[`${base}_other`];
    if (base !== null && !(`${base}_zero` in tree) && typeof other === 'string') out[`${base}_zero`] = other;
  }
  return out as T;
}
