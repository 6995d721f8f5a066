import { FileInput, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { KeyInput } from '../api/index.ts';

/** Largest photo the server accepts (8 MB); bigger ones are refused here, before upload. */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * A Metrc key, pasted or as a photo/screenshot of Metrc's QR code (rule 13). The image is sent
 * to Tracegate, decoded there and never stored; the key is never shown back.
 */
export function KeyField({
  onChange,
  label = 'Metrc API key',
}: {
  onChange: (value: KeyInput | null) => void;
  label?: string;
}) {
  const [mode, setMode] = useState<'paste' | 'photo'>('paste');
  const [fileError, setFileError] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Text component="span" size="sm" fw={500} id="key-mode-label">
        How will you give the key?
      </Text>
      <SegmentedControl
        aria-labelledby="key-mode-label"
        value={mode}
        onChange={(value) => {
          setMode(value as 'paste' | 'photo');
          onChange(null);
        }}
        data={[
          { value: 'paste', label: 'Paste the key' },
          { value: 'photo', label: 'Photo of the QR code' },
        ]}
      />
      {mode === 'paste' ? (
        <PasswordInput
          label={label}
          description="In Metrc: your name (top right) → API Keys. Shown once here, never again."
          autoComplete="off"
          required
          onChange={(e) => {
            const text = e.currentTarget.value.trim();
            onChange(text ? { apiKey: text } : null);
          }}
        />
      ) : (
        <FileInput
          label="Photo or screenshot of Metrc's QR code"
          description="Read on Tracegate's server; the picture is not kept."
          accept="image/*"
          clearable
          error={fileError}
          onChange={async (file) => {
            setFileError(null);
            if (!file) return onChange(null);
            if (file.size > MAX_IMAGE_BYTES) {
              setFileError('That picture is over 8 MB; crop it or take a smaller one.');
              return onChange(null);
            }
            onChange({ qrImage: await readAsDataUrl(file) });
          }}
        />
      )}
    </Stack>
  );
}
