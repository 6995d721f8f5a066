import { Alert, Button, Code, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';
import { type SubmissionDetail, useDismiss, useRelease, useRetry } from './submissions-api.ts';

const pretty = (value: unknown) => JSON.stringify(value ?? null, null, 2);

/** Own key: attributed to the person; facility key: sent for the license, "not attributed". */
export function attributionText(s: Pick<SubmissionDetail, 'attribution'>): string {
  if (s.attribution === 'own') return 'Own key (attributed)';
  if (s.attribution === 'facility') return 'Facility key — not attributed';
  return 'Not sent yet';
}

/** Metrc's row errors (422) per row, or the parse error of the edited JSON. */
function rowErrors(error: unknown): string[] {
  if (!isApiError(error)) return [];
  const details = error.details as { rows?: { row: number | null; message: string }[] } | null;
  return (details?.rows ?? []).map((r) =>
    r.row === null ? r.message : `Row ${r.row}: ${r.message}`,
  );
}

export function SubmissionActions({
  submission,
  isManager,
  isAdmin,
}: {
  submission: SubmissionDetail;
  isManager: boolean;
  isAdmin: boolean;
}) {
  const retry = useRetry();
  const dismiss = useDismiss();
  const release = useRelease();
  const [draft, setDraft] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const [confirmDismiss, setConfirmDismiss] = useState(false);
  const failed = submission.status === 'failed';
  const held = submission.status === 'held';
  const saveEdited = () => {
    if (draft === null) return;
    try {
      const payload = JSON.parse(draft);
      setParseError(null);
      retry.mutate({ id: submission.id, payload }, { onSuccess: () => setDraft(null) });
    } catch (e) {
      setParseError(e instanceof Error ? e.message : 'Not valid JSON');
    }
  };
  const errors = rowErrors(retry.error);
  return (
    <Stack gap="xs">
      {draft !== null && (
        <Stack gap="xs">
          <Textarea
            label="Payload (JSON)"
            autosize
            minRows={6}
            styles={{ input: { fontFamily: 'monospace' } }}
            value={draft}
            error={parseError}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              setParseError(null);
            }}
          />
          {errors.length > 0 && (
            <Alert color="red" title="Metrc refused these rows" role="alert">
              {errors.map((m) => (
                <Text size="sm" key={m}>
                  {m}
                </Text>
              ))}
            </Alert>
          )}
        </Stack>
      )}
      <ErrorAlert error={errors.length ? null : (retry.error ?? dismiss.error ?? release.error)} />
      <Group gap="xs">
        {isManager && failed && draft === null && (
          <>
            <Button loading={retry.isPending} onClick={() => retry.mutate({ id: submission.id })}>
              Retry
            </Button>
            <Button variant="light" onClick={() => setDraft(pretty(submission.payload))}>
              Edit and retry
            </Button>
          </>
        )}
        {draft !== null && (
          <>
            <Button loading={retry.isPending} onClick={saveEdited}>
              Retry with this payload
            </Button>
            <Button variant="default" onClick={() => setDraft(null)}>
              Cancel editing
            </Button>
          </>
        )}
        {isAdmin && held && (
          <Button loading={release.isPending} onClick={() => release.mutate(submission.id)}>
            Release under the facility key
          </Button>
        )}
        {isManager && (failed || held) && (
          <Button color="red" variant="light" onClick={() => setConfirmDismiss(true)}>
            Dismiss
          </Button>
        )}
      </Group>
      <Modal
        opened={confirmDismiss}
        onClose={() => setConfirmDismiss(false)}
        title="Dismiss this submission?"
      >
        <Stack>
          <Text size="sm">It will never be sent to Metrc. This is recorded in the audit log.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDismiss(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={dismiss.isPending}
              onClick={() =>
                dismiss.mutate({ id: submission.id }, { onSuccess: () => setConfirmDismiss(false) })
              }
            >
              Dismiss submission
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function SubmissionFacts({ submission }: { submission: SubmissionDetail }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        {submission.kind} · {submission.status}
        {submission.holdReason ? ` (${submission.holdReason})` : ''} · {submission.attempts}{' '}
        attempts
      </Text>
      <Text size="sm">Happened {new Date(submission.occurredAt).toLocaleString()}</Text>
      <Text size="sm">
        {attributionText(submission)}
        {submission.keyFingerprint && (
          <>
            {' · key '}
            <Code>{submission.keyFingerprint}</Code>
          </>
        )}
      </Text>
      {submission.lastError && (
        <Alert color="red" title={submission.lastError.message} role="status">
          <Code>{submission.lastError.code}</Code>
          {(submission.lastError.rows ?? []).map((r) => (
            <Text size="sm" key={`${r.row}-${r.message}`}>
              {r.row === null ? r.message : `Row ${r.row}: ${r.message}`}
            </Text>
          ))}
        </Alert>
      )}
      <Text size="sm" fw={600}>
        Metrc's answer
      </Text>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {pretty(submission.metrcAnswer)}
      </Code>
    </Stack>
  );
}
