/**
 * Thrown at start-up when configuration is invalid. Lists every problem at once, each with its
 * variable name; never includes the offending value (it may be a secret).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}
