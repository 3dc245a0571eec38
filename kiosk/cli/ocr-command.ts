/**
 * `npm run idcard -- ocr <image>`: reads a photographed ID card front and prints JSON. Exits
 * non-zero when the image cannot be read or the number needs a person to confirm it.
 */
import { readFile } from 'node:fs/promises';
import type { OcrMode } from '@pls/shared/protocol';
import { createIdCardOcr } from '../host/ocr/id-card-ocr';
import { createTesseractEngine } from '../host/ocr/tesseract-engine';

export interface CommandIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const USAGE = 'usage: npm run idcard -- ocr <image.png|image.jpg> [--id-only]';

/** Runs the command; resolves with the process exit code. */
export async function runOcrCommand(
  args: readonly string[],
  io: CommandIo = { stdout: (l) => console.log(l), stderr: (l) => console.error(l) },
): Promise<number> {
  const files = args.filter((a) => !a.startsWith('--'));
  const mode: OcrMode = args.includes('--id-only') ? 'idNumberOnly' : 'card';
  const file = files[0];
  if (file === undefined || files.length > 1) {
    io.stderr(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.stderr(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const ocr = createIdCardOcr({ startEngine: () => createTesseractEngine() });
  try {
    const result = await ocr.readIdCard(bytes, mode);
    if (!result.ok) {
      io.stderr(`${result.error.kind}: ${result.error.message}`);
      return 1;
    }
    const { idNumber } = result.value;
    io.stdout(
      JSON.stringify(
        {
          name: result.value.name,
          idNumber: idNumber.status === 'accepted' ? idNumber.idNumber : idNumber.text,
          idNumberValid: idNumber.status === 'accepted',
          ...(idNumber.status === 'accepted'
            ? { birthDate: idNumber.birthDate, sex: idNumber.sex }
            : { needsConfirmation: idNumber.reason }),
          printedBirthDate: result.value.printedBirthDate,
          durationMs: result.value.durationMs,
        },
        null,
        2,
      ),
    );
    if (idNumber.status !== 'accepted') {
      io.stderr(`ID number needs staff confirmation: ${idNumber.reason}`);
      return 3;
    }
    return 0;
  } finally {
    await ocr.terminate();
  }
}
