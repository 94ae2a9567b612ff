import type {
  WireGetLicenseInformationResponse,
  WireLicensedBranch,
  WireLicensedModule,
} from '../../generated/wire-types';
import type { TwinState } from '../state/twin-state';
import { BRANCH_CITIES, SHOP_NAMES } from './dutch-data';
import { Prng } from '../../../seeded-prng';

/**
 * The licence of the twin's shop, derived from the seed and the branches as they are now, so it
 * needs no room in the state file and a reloaded state answers the same. The module numbers and
 * the key's format are invented: no public sample shows them.
 */

const KASSA: WireLicensedModule = { moduleGroup: 1, moduleNumber: 1, moduleDescription: 'Kassa' };
const STOCK: WireLicensedModule = { moduleGroup: 1, moduleNumber: 2, moduleDescription: 'Voorraadbeheer' };
const LOYALTY: WireLicensedModule = { moduleGroup: 2, moduleNumber: 1, moduleDescription: 'Klantenkaarten' };
const API: WireLicensedModule = { moduleGroup: 3, moduleNumber: 1, moduleDescription: 'API-koppeling' };
const BRANCH_MODULES: readonly WireLicensedModule[] = [KASSA, STOCK, API];
/** Only the head office runs the loyalty cards. */
const HEAD_OFFICE_MODULES: readonly WireLicensedModule[] = [KASSA, STOCK, LOYALTY, API];

/** A stream of its own, so the licence does not shift when the rest of the seed data changes. */
const licenseDice = (seed: number): Prng => new Prng((seed ^ 0x11ce45e) >>> 0);

/** The `getLicenseInformation` answer: a B.V. in the head office's city, every branch licensed. */
export function twinLicense(state: TwinState): WireGetLicenseInformationResponse {
  const dice = licenseDice(state.seed);
  const companyName = `${dice.pick(SHOP_NAMES)} B.V.`;
  const keyTail = dice.digits(4);
  const branches = [...state.branches.values()].sort((a, b) => a.branchNumber - b.branchNumber);
  const headOffice = branches[0];
  const city = headOffice ? BRANCH_CITIES[headOffice.branchNumber] : undefined;
  const licensedBranch = branches.map((branch): WireLicensedBranch => ({
    branchNumber: branch.branchNumber,
    branchName: branch.branchName,
    workplaceLimit: branch.workplaces?.workplace?.length ?? 1,
    isGKS: false,
    licensedModules: {
      licensedModule: [...(branch === headOffice ? HEAD_OFFICE_MODULES : BRANCH_MODULES)],
    },
  }));
  return {
    obscuredLicenseKey: `****-****-****-${keyTail}`,
    companyName,
    ...(city ? { city } : {}),
    licensedBranches: { licensedBranch },
  };
}
