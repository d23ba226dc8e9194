// Outbound HTTP for tenant-controlled URLs: the only way server code calls a URL a workspace chose.
export { createOutbound, OUTBOUND_DEFAULTS, type Outbound, type OutboundOptions, type OutboundRequest, type OutboundResponse } from './outbound';
export { OutboundError, type OutboundErrorKind } from './outbound-error';
export { outboundUrlField } from './outbound-url';
export { emptyAllowList, invalidAllowEntries, parseAllowList, type AllowList } from './allow-list';
export { classifyAddress } from './address-policy';
export { refusedWhenSaved, type Resolver, type ResolvedAddress } from './vet-host';
