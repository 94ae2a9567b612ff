import { wireDate, wireDateTime } from '../domain/clock';
import { twinLicense } from '../seed/license';
import type { OperationHandlers } from './context';

/** The twin answers as API 1.0.0 of service 67.1.3, the version the vendored WSDL was generated for. */
export const metaHandlers: Pick<
  OperationHandlers,
  'getApiVersion' | 'getLicenseInformation' | 'getCurrentSyncMarkers'
> = {
  getApiVersion: (ctx) => ({
    majorNumber: 1,
    minorNumber: 0,
    revisionNumber: 0,
    serviceMajorNumber: 67,
    serviceMinorNumber: 1,
    serviceRevisionNumber: 3,
    serviceBuildNumber: 0,
    serviceDate: wireDate(ctx.now()),
    serviceDateTime: wireDateTime(ctx.now()),
    serviceHostname: 'koppel-mplus-twin',
    serviceIpAddresses: ['127.0.0.1'],
    inDebugMode: false,
    isSlaveApi: false,
    serviceVersionDisplayString: '67.1.3 (Koppel twin)',
  }),
  getLicenseInformation: (ctx) => twinLicense(ctx.state),
  getCurrentSyncMarkers: (ctx) => {
    const markers = ctx.state.counters.markers;
    return {
      articleSyncMarker: markers.article,
      articleGroupSyncMarker: markers.articleGroup,
      relationSyncMarker: markers.relation,
      employeeSyncMarker: markers.employee,
      invoiceSyncMarker: markers.invoice,
      receiptSyncMarker: markers.receipt,
      orderSyncMarker: markers.order,
      stockId: ctx.state.counters.stockId,
    };
  },
};
