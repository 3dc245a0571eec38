/**
 * Every benchmark suite, in run order. A suite module exports `run({quick, log, note})`
 * returning BenchResult[], each with a reference measured in the same run (bench/README.md);
 * add it here with a name and one line saying what it measures.
 */
import { fromRunFunction, type BenchSuite } from '../framework';
import { run as consoleSuite } from './console';
import { run as capacity } from './capacity';
import { run as idcard } from './idcard';
import { run as kiosk } from './kiosk';
import { run as ocr } from './ocr';
import { run as print } from './print';
import { run as ruralLink } from './rural-link';
import { run as search } from './search';
import { syncSuite } from './sync';
import { run as tv } from './tv';
import { run as tvRenderer } from './tv-renderer';

export const SUITES: readonly BenchSuite[] = [
  syncSuite,
  fromRunFunction(
    'capacity',
    'one server node: idle memory, memory per idle event stream',
    capacity,
  ),
  fromRunFunction(
    'ruralLink',
    'first sync over 1 Mbit/s, 300 ms RTT, one cut: snapshot vs page-by-page pull',
    ruralLink,
  ),
  fromRunFunction('search', 'content search index', search),
  fromRunFunction('idcard', 'ID card frame decoding and simulated reads', idcard),
  fromRunFunction('print', 'print documents rendered to PDF', print),
  fromRunFunction('ocr', 'ID card OCR', ocr),
  fromRunFunction('kiosk', 'kiosk renderer: card to form, submit to receipt', kiosk),
  fromRunFunction(
    'console',
    'staff console: inbox of many cases, logins beside health',
    consoleSuite,
  ),
  fromRunFunction('tv', 'TV box idle sync cost and switch-on spread (ADR 0004)', tv),
  fromRunFunction(
    'tv-renderer',
    'TV renderer in Chromium: cold start, heap with many items, focus moves, media download',
    tvRenderer,
  ),
];
