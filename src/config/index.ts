export { renderConfigDocs } from './config-docs.ts';
export { ConfigError } from './config-errors.ts';
export { CONFIG_VARS, type ConfigVar, type ConfigVarName } from './config-spec.ts';
export type { AlertsConfig, Config, DatabaseConfig, SmtpConfig } from './config-types.ts';
export { CONFIG_FILE_NAME, type LoadConfigOptions, loadConfig } from './load-config.ts';
