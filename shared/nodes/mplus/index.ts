import type { AnyNodeDefinition } from '../node-definition';
import {
  mplusArticleGroupsSource,
  mplusProductsSource,
  mplusRelationsSource,
  mplusSalesSource,
  mplusStockSource,
} from './sources';
import { mplusEnsureProducts, mplusResolveCustomer, mplusSkipIfExists } from './steps';
import {
  mplusArticleGroupTarget,
  mplusOrderStatusTarget,
  mplusProductTarget,
  mplusRelationTarget,
  mplusSalesTarget,
  mplusStockTarget,
} from './targets';

export * from './sources';
export * from './steps';
export * from './targets';

/** Every MplusKASSA node kind. */
export const mplusNodeDefinitions: readonly AnyNodeDefinition[] = [
  mplusSalesSource,
  mplusRelationsSource,
  mplusProductsSource,
  mplusArticleGroupsSource,
  mplusStockSource,
  mplusSkipIfExists,
  mplusResolveCustomer,
  mplusEnsureProducts,
  mplusSalesTarget,
  mplusRelationTarget,
  mplusProductTarget,
  mplusArticleGroupTarget,
  mplusStockTarget,
  mplusOrderStatusTarget,
];
