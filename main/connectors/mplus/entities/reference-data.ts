import type {
  Branch,
  DeliveryMethod,
  Employee,
  GetApiVersionResponse,
  GetCurrentSyncMarkersResponse,
  GetEmployeesRequest,
  OrderCategory,
  PaymentMethod,
  TurnoverGroup,
  VatGroup,
} from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';

/** Version, sync high-water marks and the administration's reference data. */

export interface ReferenceDataApi {
  getApiVersion(options?: CallOptions): Promise<GetApiVersionResponse>;
  /** Current highest syncMarker per family (and stockId): start a sync without downloading history. */
  getCurrentSyncMarkers(options?: CallOptions): Promise<GetCurrentSyncMarkersResponse>;
  getEmployees(query?: GetEmployeesRequest, options?: CallOptions): Promise<Employee[]>;
  /** Current VAT rates per branch (vatPercentage is a raw integer; its scale is not documented). */
  getVatGroupList(options?: CallOptions): Promise<VatGroup[]>;
  getTurnoverGroups(query?: { onlyActive?: boolean }, options?: CallOptions): Promise<TurnoverGroup[]>;
  getBranches(options?: CallOptions): Promise<Branch[]>;
  getPaymentMethods(options?: CallOptions): Promise<PaymentMethod[]>;
  getDeliveryMethods(options?: CallOptions): Promise<DeliveryMethod[]>;
  getOrderCategories(options?: CallOptions): Promise<OrderCategory[]>;
}

export function referenceDataApi(caller: SoapCaller): ReferenceDataApi {
  return {
    getApiVersion: (options) => caller.call('getApiVersion', {}, options),
    getCurrentSyncMarkers: (options) => caller.call('getCurrentSyncMarkers', {}, options),
    async getEmployees(query = {}, options) {
      const answer = await caller.call('getEmployees', { request: query }, options);
      return answer.employeeList.employee ?? [];
    },
    async getVatGroupList(options) {
      return (await caller.call('getVatGroupList', {}, options)).vatGroup ?? [];
    },
    async getTurnoverGroups(query = {}, options) {
      const answer = await caller.call('getTurnoverGroups', { request: query }, options);
      return answer.turnoverGroupList.turnoverGroup ?? [];
    },
    async getBranches(options) {
      return (await caller.call('getBranches', {}, options)).branches.branch ?? [];
    },
    async getPaymentMethods(options) {
      return (await caller.call('getPaymentMethods', {}, options)).paymentMethodList.paymentMethod ?? [];
    },
    async getDeliveryMethods(options) {
      return (await caller.call('getDeliveryMethods', {}, options)).deliveryMethodList.deliveryMethod ?? [];
    },
    async getOrderCategories(options) {
      return (await caller.call('getOrderCategories', {}, options)).orderCategory ?? [];
    },
  };
}
