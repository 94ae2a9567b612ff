import type { RecordTypeDefinition } from '../nodes/record-types';
import { Category } from './category';
import { Customer } from './customer';
import { OrderStatus } from './order-status';
import { Product } from './product';
import { SalesOrder } from './sales-order';
import { StockLevel } from './stock-level';

/** Port record types of the canonical records, so sources connect only to fitting steps and targets. */
export const domainRecordTypes: readonly RecordTypeDefinition[] = [
  { id: 'customer', label: { en: 'Customer', nl: 'Klant' }, schema: Customer },
  { id: 'product', label: { en: 'Product', nl: 'Product' }, schema: Product },
  { id: 'category', label: { en: 'Category', nl: 'Categorie' }, schema: Category },
  { id: 'salesOrder', label: { en: 'Sales order', nl: 'Verkooporder' }, schema: SalesOrder },
  { id: 'stockLevel', label: { en: 'Stock level', nl: 'Voorraad' }, schema: StockLevel },
  { id: 'orderStatus', label: { en: 'Order status', nl: 'Orderstatus' }, schema: OrderStatus },
];
