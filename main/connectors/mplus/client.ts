import { articleGroupsApi, type ArticleGroupsApi } from './entities/article-groups';
import { invoicesApi, type InvoicesApi } from './entities/invoices';
import { licenseApi, type LicenseApi } from './entities/license';
import { ordersApi, type OrdersApi } from './entities/orders';
import { productsApi, type ProductsApi } from './entities/products';
import { referenceDataApi, type ReferenceDataApi } from './entities/reference-data';
import { relationsApi, type RelationsApi } from './entities/relations';
import { stockApi, type StockApi } from './entities/stock';
import { SoapCaller, type MplusClientOptions } from './soap-caller';

/** The typed MplusQapi client: one method per operation Koppel uses, in Koppel values. */
export interface MplusClient
  extends
    ReferenceDataApi,
    LicenseApi,
    ProductsApi,
    ArticleGroupsApi,
    StockApi,
    RelationsApi,
    OrdersApi,
    InvoicesApi {
  /** The raw caller: `call(op, request)` in Koppel values, `callWire(op, request)` in wire values. */
  readonly soap: SoapCaller;
}

export function createMplusClient(options: MplusClientOptions): MplusClient {
  const caller = new SoapCaller(options);
  return {
    soap: caller,
    ...referenceDataApi(caller),
    ...licenseApi(caller),
    ...productsApi(caller),
    ...articleGroupsApi(caller),
    ...stockApi(caller),
    ...relationsApi(caller),
    ...ordersApi(caller),
    ...invoicesApi(caller),
  };
}
