/** Prefix of the read-only secret variables for headless servers (see README.md). */
export const ENV_SECRET_PREFIX = 'KOPPEL_SECRET_';

/**
 * `KOPPEL_SECRET_<CONNECTION_ID>_<FIELD>`: the connection id and the field name upper-cased, every
 * character other than A–Z and 0–9 turned into `_`, and camelCase split (`refreshToken` → `REFRESH_TOKEN`).
 * Example: connection `mplus-shop`, field `secret` → `KOPPEL_SECRET_MPLUS_SHOP_SECRET`.
 */
export function envSecretName(connectionId: string, field: string): string {
  return `${ENV_SECRET_PREFIX}${envPart(connectionId)}_${envPart(field)}`;
}

function envPart(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The value of a secret supplied through the environment, if any (empty counts as absent). */
export function envSecret(env: NodeJS.ProcessEnv, connectionId: string, field: string): string | undefined {
  const value = env[envSecretName(connectionId, field)];
  return value ? value : undefined;
}
