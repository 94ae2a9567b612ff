import type { NodeModule } from '../../engine/executor';
import { mplusArticleGroupsSourceModule } from './sources/article-groups-source';
import { mplusProductsSourceModule } from './sources/products-source';
import { mplusRelationsSourceModule } from './sources/relations-source';
import { mplusSalesSourceModule } from './sources/sales-source';
import { mplusStockSourceModule } from './sources/stock-source';
import { mplusEnsureProductsModule } from './steps/ensure-products';
import { mplusResolveCustomerModule } from './steps/resolve-customer';
import { mplusSkipIfExistsModule } from './steps/skip-if-exists';
import { mplusArticleGroupTargetModule } from './targets/article-group-target';
import { mplusOrderStatusTargetModule } from './targets/order-status-target';
import { mplusProductTargetModule } from './targets/product-target';
import { mplusRelationTargetModule } from './targets/relation-target';
import { mplusSalesTargetModule } from './targets/sales-target';
import { mplusStockTargetModule } from './targets/stock-target';

/** Executors of every MplusKASSA node kind. */
export const mplusNodeModules: readonly NodeModule[] = [
  mplusSalesSourceModule,
  mplusRelationsSourceModule,
  mplusProductsSourceModule,
  mplusArticleGroupsSourceModule,
  mplusStockSourceModule,
  mplusSkipIfExistsModule,
  mplusResolveCustomerModule,
  mplusEnsureProductsModule,
  mplusSalesTargetModule,
  mplusRelationTargetModule,
  mplusProductTargetModule,
  mplusArticleGroupTargetModule,
  mplusStockTargetModule,
  mplusOrderStatusTargetModule,
];
