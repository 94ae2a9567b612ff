import type { OperationHandlers } from './context';
import { setFilter, syncPage } from './context';

/** Employees and the administration's reference lists (branches, VAT, turnover groups, payment…). */
export const referenceDataHandlers: Pick<
  OperationHandlers,
  | 'getEmployees'
  | 'getVatGroupList'
  | 'getTurnoverGroups'
  | 'getBranches'
  | 'getPaymentMethods'
  | 'getDeliveryMethods'
  | 'getOrderCategories'
> = {
  getEmployees: (ctx, { request }) => {
    const wanted = setFilter(request?.employeeNumbers);
    const employees = syncPage(
      ctx.state.sync.employee,
      request?.syncMarker,
      request?.syncMarkerLimit,
      (number) => ctx.state.employees.get(number),
      (employee) => !wanted || wanted(employee.employeeNumber),
    );
    return { employeeList: { employee: employees } };
  },
  getVatGroupList: (ctx) => ({ vatGroup: ctx.state.reference.vatGroups }),
  getTurnoverGroups: (ctx) => ({ turnoverGroupList: { turnoverGroup: ctx.state.reference.turnoverGroups } }),
  getBranches: (ctx) => ({ branches: { branch: [...ctx.state.branches.values()] } }),
  getPaymentMethods: (ctx) => ({ paymentMethodList: { paymentMethod: ctx.state.reference.paymentMethods } }),
  getDeliveryMethods: (ctx) => ({
    deliveryMethodList: { deliveryMethod: ctx.state.reference.deliveryMethods },
  }),
  getOrderCategories: (ctx) => ({ orderCategory: ctx.state.reference.orderCategories }),
};
