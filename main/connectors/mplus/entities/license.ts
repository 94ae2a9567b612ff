import type { GetLicenseInformationResponse, LicensedBranch } from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';

/** Who the MplusKASSA administration is licensed to (`getLicenseInformation`), in Koppel's shape. */

export interface MplusLicensedModule {
  group: number;
  number: number;
  description?: string;
}

export interface MplusLicensedBranch {
  branchNumber: number;
  branchName?: string;
  /** How many tills (workplaces) the branch may use. */
  workplaceLimit?: number;
  /** Whether the branch runs as a certified POS (GKS); absent when the server does not say. */
  isGKS?: boolean;
  /** Empty when the server lists none. */
  modules: MplusLicensedModule[];
}

export interface MplusLicense {
  companyName?: string;
  city?: string;
  /** The licence key with most characters hidden, as the server sends it. */
  obscuredLicenseKey?: string;
  /** Empty when the server lists none. */
  branches: MplusLicensedBranch[];
}

export interface LicenseApi {
  /**
   * The licensee and its licensed branches. A read, so retried on transient failures; an API user
   * without the right to ask gets a SOAP fault like any other refused call.
   */
  getLicenseInformation(options?: CallOptions): Promise<MplusLicense>;
}

/** Every element of the answer is optional: a blank text is as good as absent. */
const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

function branchOf(branch: LicensedBranch): MplusLicensedBranch {
  const branchName = text(branch.branchName);
  return {
    branchNumber: branch.branchNumber,
    ...(branchName ? { branchName } : {}),
    ...(branch.workplaceLimit !== undefined ? { workplaceLimit: branch.workplaceLimit } : {}),
    ...(branch.isGKS !== undefined ? { isGKS: branch.isGKS } : {}),
    modules: (branch.licensedModules?.licensedModule ?? []).map((module) => {
      const description = text(module.moduleDescription);
      return {
        group: module.moduleGroup,
        number: module.moduleNumber,
        ...(description ? { description } : {}),
      };
    }),
  };
}

/** The Koppel shape of a `GetLicenseInformationResponse` (exported for tests of odd answers). */
export function licenseOf(answer: GetLicenseInformationResponse): MplusLicense {
  const companyName = text(answer.companyName);
  const city = text(answer.city);
  const obscuredLicenseKey = text(answer.obscuredLicenseKey);
  return {
    ...(companyName ? { companyName } : {}),
    ...(city ? { city } : {}),
    ...(obscuredLicenseKey ? { obscuredLicenseKey } : {}),
    branches: (answer.licensedBranches?.licensedBranch ?? []).map(branchOf),
  };
}

export function licenseApi(caller: SoapCaller): LicenseApi {
  return {
    getLicenseInformation: async (options) =>
      licenseOf(await caller.call('getLicenseInformation', {}, options)),
  };
}
