/**
 * Rules every published content pack must satisfy, beyond the collection schemas: FAQ and
 * programmes rest on law articles that exist, Mongolian slots hold Mongolian script, every law
 * article names its source and says how it was verified, and the sample directory stays
 * clearly sample. The build refuses to write a pack with problems and a test runs the same
 * checks on the committed pack; the server can run them on packs it is asked to seed.
 */
import {
  INNER_MONGOLIA_PREFECTURES,
  checkLocalizedText,
  describeValidationError,
  validateDocument,
  type Content,
  type DirectoryEntry,
  type LocalizedText,
} from '../domain/index';

export interface PackProblem {
  readonly collection: 'content' | 'directory';
  readonly id: string;
  readonly path: string;
  readonly message: string;
}

const HALF_WIDTH_PUNCTUATION = /[,;:()]/;

/** The one real number in the sample directory. */
export const HOTLINE_12348 = '12348';

function localizedTextsOf(
  document: Content | DirectoryEntry,
): [path: string, text: LocalizedText][] {
  if ('name' in document) {
    const texts: [string, LocalizedText][] = [['/name', document.name]];
    if (document.address) texts.push(['/address', document.address]);
    if (document.openingHours) texts.push(['/openingHours', document.openingHours]);
    return texts;
  }
  const texts: [string, LocalizedText][] = [
    ['/title', document.title],
    ['/summary', document.summary],
    ['/body', document.body],
  ];
  if (document.law) texts.push(['/law/lawName', document.law.lawName]);
  return texts;
}

function checkTexts(
  collection: PackProblem['collection'],
  document: Content | DirectoryEntry,
  problems: PackProblem[],
): void {
  for (const [path, text] of localizedTextsOf(document)) {
    for (const problem of checkLocalizedText(text)) {
      problems.push({ collection, id: document.id, path, message: problem });
    }
  }
}

function regionProblem(regionCode: string): string | null {
  if (regionCode === '' || regionCode === '15') return null;
  if (!regionCode.startsWith('15')) return 'regionCode outside Inner Mongolia';
  if (!(regionCode.slice(0, 4) in INNER_MONGOLIA_PREFECTURES)) {
    return `regionCode ${regionCode} is not under a known Inner Mongolia prefecture`;
  }
  return null;
}

function checkContent(documents: readonly Content[], problems: PackProblem[]): void {
  const byId = new Map<string, Content>();
  for (const document of documents) {
    const add = (path: string, message: string) =>
      problems.push({ collection: 'content', id: document.id, path, message });
    if (byId.has(document.id)) add('/id', 'duplicate id');
    byId.set(document.id, document);

    const valid = validateDocument('content', document);
    if (!valid.ok) add('', describeValidationError(valid.error));
    checkTexts('content', document, problems);
    const region = regionProblem(document.regionCode);
    if (region) add('/regionCode', region);

    if (document.kind === 'law_article') {
      const law = document.law;
      if (!law) {
        add('/law', 'law article without its source');
        continue;
      }
      if (law.officialSource.trim() === '') add('/law/officialSource', 'empty official source');
      if (law.verificationNote.trim() === '') {
        add('/law/verificationNote', 'say what the text was compared with');
      }
      if (!law.effectiveDate) add('/law/effectiveDate', 'missing effective date');
      if (document.basis.length > 0) add('/basis', 'a law article does not rest on others');
      // Official Chinese texts write , ; : ( ) full-width; half-width ones come from a copy.
      if (HALF_WIDTH_PUNCTUATION.test(document.body.zh)) {
        add('/body/zh', 'half-width punctuation in a statute text (official texts use full-width)');
      }
    } else if (document.law) {
      add('/law', 'only law articles carry a law source');
    }
    if (document.kind === 'faq' && document.basis.length === 0) {
      add('/basis', 'an FAQ answer must cite the articles it rests on');
    }
    if (document.kind === 'program' && document.media.length === 0) {
      add('/media', 'a programme needs at least one media reference');
    }
    document.media.forEach((media, index) => {
      if (media.available && (media.sha256 === undefined || media.bytes === undefined)) {
        add(`/media/${index}`, 'an available media file needs its size and sha256');
      }
    });
  }

  // Basis links, once every id is known.
  for (const document of documents) {
    document.basis.forEach((target, index) => {
      const article = byId.get(target);
      const message = !article
        ? `basis ${target} does not exist`
        : article.kind !== 'law_article'
          ? `basis ${target} is not a law article`
          : article.withdrawn
            ? `basis ${target} is withdrawn`
            : null;
      if (message) {
        problems.push({ collection: 'content', id: document.id, path: `/basis/${index}`, message });
      }
    });
  }
}

function checkDirectory(entries: readonly DirectoryEntry[], problems: PackProblem[]): void {
  const ids = new Set<string>();
  const stations = new Set(
    entries.filter((entry) => entry.kind === 'station').map((entry) => entry.stationId ?? entry.id),
  );
  for (const entry of entries) {
    const add = (path: string, message: string) =>
      problems.push({ collection: 'directory', id: entry.id, path, message });
    if (ids.has(entry.id)) add('/id', 'duplicate id');
    ids.add(entry.id);

    const valid = validateDocument('directory', entry);
    if (!valid.ok) add('', describeValidationError(valid.error));
    checkTexts('directory', entry, problems);
    const region = regionProblem(entry.regionCode);
    if (region) add('/regionCode', region);

    const isRealHotline = entry.kind === 'hotline' && entry.phone === HOTLINE_12348;
    if (!entry.sample && !isRealHotline) {
      add('/sample', 'only the real 12348 hotline may be marked as not sample');
    }
    // Made-up people must never carry a phone number: it could belong to someone real.
    if ((entry.kind === 'lawyer' || entry.kind === 'mediator') && entry.phone !== undefined) {
      add('/phone', 'a sample person must not carry a phone number');
    }
    if (entry.phone !== undefined && entry.phone !== HOTLINE_12348) {
      add('/phone', 'sample entries use no phone number other than 12348');
    }
    if (entry.kind === 'station' && entry.stationId !== entry.id) {
      add('/stationId', 'a station is its own stationId');
    }
    if ((entry.kind === 'lawyer' || entry.kind === 'mediator') && entry.stationId) {
      if (!stations.has(entry.stationId)) add('/stationId', `unknown station ${entry.stationId}`);
    }
  }
}

export function checkContentPack(pack: {
  readonly content: readonly Content[];
  readonly directory: readonly DirectoryEntry[];
}): PackProblem[] {
  const problems: PackProblem[] = [];
  checkContent(pack.content, problems);
  checkDirectory(pack.directory, problems);
  return problems;
}

export function describePackProblem(problem: PackProblem): string {
  return `${problem.collection}/${problem.id}${problem.path}: ${problem.message}`;
}
