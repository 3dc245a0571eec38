/**
 * Loads the print labels of both languages from locales/<lang>/print.json and domain.json. A missing or empty
 * label fails here, at start-up, with the list of what is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '@pls/shared/domain';
import { parsePrintLabels, type LabelProblem, type PrintLabelSet } from '@pls/shared/print';

export interface LabelLoadError {
  readonly language: 'zh-Hans' | 'mn-Mong';
  readonly file: string;
  readonly problems: readonly LabelProblem[] | string;
}

export function loadPrintLabels(localesDir: string): Result<PrintLabelSet, LabelLoadError> {
  const load = (language: 'zh-Hans' | 'mn-Mong') => {
    const file = join(localesDir, language, 'print.json');
    const domainFile = join(localesDir, language, 'domain.json');
    let json: unknown;
    let domainJson: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
      domainJson = JSON.parse(readFileSync(domainFile, 'utf8'));
    } catch (error) {
      return err<LabelLoadError>({ language, file, problems: String(error) });
    }
    const parsed = parsePrintLabels(json, domainJson);
    return parsed.ok ? parsed : err<LabelLoadError>({ language, file, problems: parsed.error });
  };
  const zh = load('zh-Hans');
  if (!zh.ok) return zh;
  const mn = load('mn-Mong');
  if (!mn.ok) return mn;
  return ok({ 'zh-Hans': zh.value, 'mn-Mong': mn.value });
}
