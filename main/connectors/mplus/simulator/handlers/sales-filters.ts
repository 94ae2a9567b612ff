import type {
  OrderType,
  WireGetInvoicesRequest,
  WireGetOrdersRequest,
  WireInvoice,
  WireOrder,
} from '../../generated/wire-types';
import { isoOfWireDate } from '../domain/clock';
import { setFilter } from './context';

/** The filters getOrders and getInvoices share (branches, employees, relations, articles, dates). */

type Sale = WireOrder | WireInvoice;
type SalesQuery = WireGetOrdersRequest | WireGetInvoicesRequest;

export function salesFilter(query: SalesQuery): (sale: Sale) => boolean {
  const branches = setFilter(query.branchNumbers);
  const employees = setFilter(query.employeeNumbers);
  const relations = setFilter(query.relationNumbers);
  const articles = setFilter(query.articleNumbers);
  const turnoverGroups = setFilter(query.articleTurnoverGroups);
  const plus = setFilter((query.articlePluNumbers.text ?? []).map((t) => t.text));
  const from = query.fromFinancialDate ? isoOfWireDate(query.fromFinancialDate) : undefined;
  const through = query.throughFinancialDate ? isoOfWireDate(query.throughFinancialDate) : undefined;
  return (sale) => {
    const lines = sale.lineList?.line ?? [];
    const date = sale.financialDate ? isoOfWireDate(sale.financialDate) : undefined;
    return (
      (!branches || branches(sale.financialBranchNumber)) &&
      (!employees || employees(sale.employeeNumber)) &&
      (!relations || relations(sale.relationNumber)) &&
      (!articles || lines.some((line) => articles(line.articleNumber))) &&
      (!turnoverGroups || lines.some((line) => turnoverGroups(line.data?.turnoverGroup))) &&
      (!plus || lines.some((line) => plus(line.pluNumber))) &&
      (!from || (date !== undefined && date >= from)) &&
      (!through || (date !== undefined && date <= through))
    );
  };
}

const DEFAULT_ORDER_TYPES: readonly OrderType[] = [
  'ORDER-TYPE-SALES-ORDER',
  'ORDER-TYPE-REPEAT-SALES-ORDER',
  'ORDER-TYPE-EXTERNAL-SALES-ORDER',
];

/** orderTypeList defaults to the three sales order types (WSDL documentation). */
export function orderTypeFilter(query: WireGetOrdersRequest): (order: WireOrder) => boolean {
  const types = new Set(
    query.orderTypeList?.orderType?.length ? query.orderTypeList.orderType : DEFAULT_ORDER_TYPES,
  );
  return (order) => types.has(order.orderType ?? 'ORDER-TYPE-SALES-ORDER');
}

/** includeLineList=false answers headers only. */
export function withoutLines<T extends Sale>(sale: T): T {
  const { lineList: _lines, ...header } = sale;
  return header as T;
}
