/**
 * MplusKASSA connector: a SOAP client built to the official MplusQapi WSDL
 * (resources/specs/mplus/mplusqapi.wsdl) and a local twin of the API for tests and the sandbox.
 *
 * Client: `createMplusClient({url, ident, secret})` → one typed method per operation, in Koppel
 * values (money and quantities as decimals, dates as ISO strings), in-band results as discriminated
 * unions, failures as MplusError subclasses with `kind: 'permanent' | 'transient'`.
 * Twin: `startMplusTwin({port, seed, size, stateFile})`; admin API under `<url>_sandbox`.
 */
export { createMplusClient, type MplusClient } from './client';
export type { CallOptions, MplusClientOptions, MplusRequestInfo } from './soap-caller';
export { SoapCaller } from './soap-caller';
export {
  MplusAbortError,
  MplusError,
  MplusHttpError,
  MplusNetworkError,
  MplusProtocolError,
  MplusRequestError,
  MplusSoapFault,
  MplusTimeoutError,
  isTransientMplusError,
  type MplusErrorKind,
} from './errors';
export type { SyncIterateOptions, SyncPage, SyncRecord } from './sync-pages';
export type { CreateProductOutcome, ProductsQuery, UpdateProductOutcome } from './entities/products';
export type {
  AddProductsToArticleGroupOutcome,
  NewArticleGroupOutcome,
  UpdateArticleGroupOutcome,
} from './entities/article-groups';
export type { StockOutcome, StockQuery } from './entities/stock';
export type { CreateRelationOutcome, UpdateRelationOutcome } from './entities/relations';
export type {
  CreateOrderOutcome,
  CreateOrderV3Input,
  NewOrder,
  OrdersQuery,
  PayOrderOutcome,
} from './entities/orders';
export type { InvoicesQuery, SaveInvoiceOutcome } from './entities/invoices';
export type { MplusLicense, MplusLicensedBranch, MplusLicensedModule } from './entities/license';
export {
  ConversionError,
  centsToDecimal,
  decimalToCents,
  scaleQuantity,
  unscaleQuantity,
  mplusDateToIso,
  isoToMplusDate,
  mplusDateTimeToIso,
  isoToMplusDateTime,
  MPLUS_TIME_ZONE,
  type MplusDate,
  type MplusDateTime,
} from './conversions';
export { MPLUS_OPERATION_NAMES, type MplusOperationName } from './generated/operations';
export type * from './generated/model-types';
export { startMplusTwin, type MplusTwin, type MplusTwinOptions } from './simulator/twin';
export type { MplusTwinFaults } from './simulator/faults';
export { loadMplusXsdValidator, type MplusXsdValidator, type BodyValidation } from './schema/xsd-validator';
