import type { AnyNodeDefinition } from '../node-definition';
import {
  teamleaderCategoriesSource,
  teamleaderCustomersSource,
  teamleaderOrderStatusSource,
  teamleaderProductsSource,
  teamleaderSalesSource,
} from './sources';
import { teamleaderEnsureProducts, teamleaderResolveCustomer, teamleaderSkipIfExists } from './steps';
import {
  teamleaderCustomerTarget,
  teamleaderProductTarget,
  teamleaderSalesTarget,
  teamleaderStockTarget,
} from './targets';

export * from './sources';
export * from './steps';
export * from './targets';

/** Every Teamleader node kind. */
export const teamleaderNodeDefinitions: readonly AnyNodeDefinition[] = [
  teamleaderSalesSource,
  teamleaderCustomersSource,
  teamleaderProductsSource,
  teamleaderCategoriesSource,
  teamleaderOrderStatusSource,
  teamleaderSkipIfExists,
  teamleaderResolveCustomer,
  teamleaderEnsureProducts,
  teamleaderSalesTarget,
  teamleaderCustomerTarget,
  teamleaderProductTarget,
  teamleaderStockTarget,
];
