import type {
  OrderType,
  WireArticle,
  WireGetInvoicesRequest,
  WireGetOrdersRequest,
  WireInvoice,
  WireOrder,
} from '../../generated/wire-types';
import { isoOfWireDate } from '../domain/clock';
import { setFilter } from './context';

/**
 * The filters getOrders and getInvoices share (branches, employees, relations, articles by number,
 * turnover group, PLU, barcode and supplier, dates).
 */

type Sale = WireOrder | WireInvoice;
type SalesQuery = WireGetOrdersRequest | WireGetInvoicesRequest;

export function salesFilter(
  query: SalesQuery,
  articleOf: (articleNumber: number) => WireArticle | undefined,
): (sale: Sale) => boolean {
  const branches = setFilter(query.branchNumbers);
  const employees = setFilter(query.employeeNumbers);
  const relations = setFilter(query.relationNumbers);
  const suppliers = setFilter(query.supplierRelationNumbers);
  const articles = setFilter(query.articleNumbers);
  const turnoverGroups = setFilter(query.articleTurnoverGroups);
  const plus = setFilter((query.articlePluNumbers.text ?? []).map((t) => t.text));
  const barcodes = setFilter((query.articleBarcodes.text ?? []).map((t) => t.text));
  // A line names its article; the article holds its barcodes (main and extra) and its supplier.
  const barcodesOf = (articleNumber: number): (string | undefined)[] => {
    const article = articleOf(articleNumber);
    return [article?.barcode, ...(article?.barcodeList?.barcode ?? []).map((b) => b.barcode)];
  };
  const supplierOf = (line: { articleNumber: number; supplierRelationNumber?: number }) =>
    line.supplierRelationNumber ?? articleOf(line.articleNumber)?.supplierRelationNumber;
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
      (!barcodes || lines.some((line) => barcodesOf(line.articleNumber).some((b) => barcodes(b)))) &&
      (!suppliers || lines.some((line) => suppliers(supplierOf(line)))) &&
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

/**
 * includeLineList=false answers headers only: no lines, and (WSDL documentation) an order's
 * proposal and invoice references, an invoice's packing slip and order references, not loaded.
 */
export function orderHeader(order: WireOrder): WireOrder {
  const {
    lineList: _lines,
    invoiceIds: _invoiceIds,
    extInvoiceIds: _extInvoiceIds,
    invoiceNumbers: _invoiceNumbers,
    proposalId: _proposalId,
    extProposalId: _extProposalId,
    ...header
  } = order;
  return header;
}

export function invoiceHeader(invoice: WireInvoice): WireInvoice {
  const {
    lineList: _lines,
    orderIds: _orderIds,
    extOrderIds: _extOrderIds,
    orderNumbers: _orderNumbers,
    packingSlipIds: _packingSlipIds,
    packingSlipNumbers: _packingSlipNumbers,
    ...header
  } = invoice;
  return header;
}
