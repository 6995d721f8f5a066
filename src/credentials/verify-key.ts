import type { Clock } from '../lib/index.ts';
import { toTimestamp } from '../lib/index.ts';
import { PROBED_SECTIONS, SECTION_EXPECTED } from './metrc-sections.ts';
import {
  diagnoseAcceptedKey,
  diagnoseRejectedKey,
  diagnoseWrongState,
  sectionCheck,
  UNAVAILABLE_DIAGNOSIS,
} from './verification-fns.ts';
import type {
  KeyTarget,
  LicenseCheck,
  MetrcFacilitySummary,
  MetrcKeyProbe,
  VerificationReport,
} from './verification-types.ts';

export interface VerifyKeyInput {
  target: KeyTarget;
  /** License numbers the key is (to be) assigned to. */
  licenseNumbers: string[];
  /** With no license numbers: check every license Metrc lists (true) or none (false). */
  allIfEmpty?: boolean;
  /** With no license numbers: check only the listed licenses among these (a user key's owner may work at more). */
  candidates?: string[];
  /** Days since Tracegate first saw the key, to rank the causes of a rejection. */
  keyAgeDays: number | null;
  /**
   * The same key against the other configured states (those with a vendor key), asked only when
   * the chosen state rejects it: a key of another state is not a regenerated one.
   */
  otherStates?: () => Promise<KeyTarget[]>;
}

export type VerifyKeyResult =
  | { outcome: 'rejected'; report: VerificationReport }
  | { outcome: 'unavailable'; report: VerificationReport }
  | { outcome: 'accepted'; report: VerificationReport; facilities: MetrcFacilitySummary[] };

/**
 * Verifies a key against Metrc: lists the licenses it covers, then probes every section of every
 * assigned, covered license at once (the shared limiter paces them).
 */
export async function verifyKey(
  deps: { probe: MetrcKeyProbe; clock: Clock },
  input: VerifyKeyInput,
): Promise<VerifyKeyResult> {
  const base = {
    verifiedAt: toTimestamp(deps.clock.now()),
    state: input.target.state,
    environment: input.target.environment,
  };
  const listed = await deps.probe.facilities(input.target);
  if (!listed.ok) {
    const rejected = listed.reason === 'rejected';
    const elsewhere = rejected ? await acceptingState(deps.probe, input) : null;
    const report: VerificationReport = {
      ...base,
      keyAccepted: false,
      available: [],
      licenses: [],
      uncovered: [],
      diagnosis: elsewhere
        ? diagnoseWrongState(input.target.state, elsewhere)
        : rejected
          ? diagnoseRejectedKey(input.keyAgeDays)
          : UNAVAILABLE_DIAGNOSIS,
    };
    return rejected ? { outcome: 'rejected', report } : { outcome: 'unavailable', report };
  }

  // License numbers compare case-insensitively; Metrc's spelling is the one kept.
  const byNumber = new Map(listed.facilities.map((f) => [f.number.toUpperCase(), f]));
  const listedNumbers = listed.facilities.map((f) => f.number);
  const candidates = input.candidates?.map((n) => n.toUpperCase());
  const wanted = (
    input.licenseNumbers.length > 0 || input.allIfEmpty === false
      ? input.licenseNumbers
      : candidates
        ? listedNumbers.filter((n) => candidates.includes(n.toUpperCase()))
        : listedNumbers
  ).map((number) => byNumber.get(number.toUpperCase())?.number ?? number);
  const uncovered = wanted.filter((number) => !byNumber.has(number.toUpperCase()));
  const covered = wanted.flatMap((number) => {
    const facility = byNumber.get(number.toUpperCase());
    return facility ? [facility] : [];
  });
  // Section-major order: the limiter's queue then holds every license evenly, so no license is
  // left alone at the end, held to its own per-license rate.
  const probes = PROBED_SECTIONS.flatMap((section) =>
    covered.map((facility) => ({
      facility,
      section,
      status: deps.probe.probe(input.target, facility.number, section),
    })),
  );
  const checks = await Promise.all(
    probes.map(async (p) => ({
      number: p.facility.number,
      check: sectionCheck(
        p.section,
        await p.status,
        SECTION_EXPECTED[p.section](p.facility.facilityType),
      ),
    })),
  );
  const licenses: LicenseCheck[] = wanted.map((number) => {
    const facility = byNumber.get(number.toUpperCase());
    if (!facility) return { number, name: '', licenseType: '', covered: false, sections: [] };
    return {
      number,
      name: facility.name,
      licenseType: facility.licenseType,
      covered: true,
      sections: checks.filter((c) => c.number === number).map((c) => c.check),
    };
  });
  return {
    outcome: 'accepted',
    facilities: listed.facilities,
    report: {
      ...base,
      keyAccepted: true,
      available: listed.facilities.map(({ number, name, licenseType }) => ({
        number,
        name,
        licenseType,
      })),
      licenses,
      uncovered,
      diagnosis: diagnoseAcceptedKey(uncovered, licenses),
    },
  };
}

/** The first other configured state whose Metrc accepts the key, if any (an outage is no answer). */
async function acceptingState(probe: MetrcKeyProbe, input: VerifyKeyInput): Promise<string | null> {
  if (!input.otherStates) return null;
  const targets = (await input.otherStates()).filter(
    (t) => t.state.toLowerCase() !== input.target.state.toLowerCase(),
  );
  const answers = await Promise.all(targets.map((t) => probe.facilities(t)));
  const index = answers.findIndex((a) => a.ok);
  return index >= 0 ? (targets[index]?.state ?? null) : null;
}
