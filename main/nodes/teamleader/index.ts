import type { NodeModule } from '../../engine/executor';
import { teamleaderCategoriesSourceModule } from './sources/categories-source';
import { teamleaderCustomersSourceModule } from './sources/customers-source';
import { teamleaderOrderStatusSourceModule } from './sources/order-status-source';
import { teamleaderProductsSourceModule } from './sources/products-source';
import { teamleaderSalesSourceModule } from './sources/sales-source';
import { teamleaderEnsureProductsModule } from './steps/ensure-products';
import { teamleaderResolveCustomerModule } from './steps/resolve-customer';
import { teamleaderSkipIfExistsModule } from './steps/skip-if-exists';
import { teamleaderCustomerTargetModule } from './targets/customer-target';
import { teamleaderProductTargetModule } from './targets/product-target';
import { teamleaderSalesTargetModule } from './targets/sales-target';
import { teamleaderStockTargetModule } from './targets/stock-target';

/** Executors of every Teamleader node kind. */
export const teamleaderNodeModules: readonly NodeModule[] = [
  teamleaderSalesSourceModule,
  teamleaderCustomersSourceModule,
  teamleaderProductsSourceModule,
  teamleaderCategoriesSourceModule,
  teamleaderOrderStatusSourceModule,
  teamleaderSkipIfExistsModule,
  teamleaderResolveCustomerModule,
  teamleaderEnsureProductsModule,
  teamleaderSalesTargetModule,
  teamleaderCustomerTargetModule,
  teamleaderProductTargetModule,
  teamleaderStockTargetModule,
];
