/**
 * Validation of a whole job_queue.log beyond the record grammar: transaction
 * structure (spec §7), the 107 record, and optionally a replay of the ad table
 * (spec §8: records for missing ads, the header's NextClusterNum) and a parse
 * of every 103 value (the schedd parses values strictly: one that does not
 * parse is a corrupt record).
 *
 * Records are fed one by one (see RecordReader); `finish` reports what only
 * the end of the log reveals and says, for every error, what the schedd would
 * do with it.
 */
import type { JobqIssue } from './issues.js';
import { Op, type RecordView } from './recordReader.js';
import { valueSyntaxError } from './valueParse.js';

/** What to validate besides the transaction structure. */
export interface ValidatorOptions {
  /** Replay the ad table: records for missing ads, NextClusterNum. Memory grows with the number of ads. */
  replay?: boolean;
  /** Parse every 103 value (old syntax, whole value). */
  values?: boolean;
}

/** What the validator learned about the log. */
export interface ValidationStats {
  transactions: number;
  /** Line of the last valid 106 record (0 if none). */
  last106Line: number;
  /** Line of the 105 of a final transaction without 106, or 0. */
  openTransactionLine: number;
  /** 107: sequence number and creation timestamp, when present. */
  sequence?: number;
  birthdate?: number;
  /** Line of the first error, where the transaction and replay checks stopped (0 if none). */
  haltedAt: number;
  /** After replay: ads in the table at the end. */
  ads?: number;
  nextClusterNum?: number;
  maxCluster?: number;
}

interface AdEntry {
  cluster: number;
  proc: number;
  line: number;
}

interface Pending {
  op: number;
  key: string;
  cluster: number;
  proc: number;
  line: number;
  /** 103/104 of the header's NextClusterNum: the new value (103) or null (104). */
  next?: number | null;
}

const dec = (buf: Buffer, s: number, e: number): number => Number(buf.toString('latin1', s, e));

/** `0123.-1` and `123.-1` are the same ad (the schedd parses keys with strtol). */
function parseKey(
  buf: Buffer,
  s: number,
  e: number,
): { key: string; cluster: number; proc: number } {
  let dot = s;
  while (buf[dot] !== 46) dot++;
  const cluster = dec(buf, s, dot);
  const proc = dec(buf, dot + 1, e);
  return { key: `${cluster}.${proc}`, cluster, proc };
}

function isAsciiCi(buf: Buffer, s: number, e: number, lower: string): boolean {
  if (e - s !== lower.length) return false;
  for (let i = 0; i < lower.length; i++)
    if ((buf[s + i]! | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

/** Transaction and replay checks, record by record. */
export class LogValidator {
  readonly stats: ValidationStats = {
    transactions: 0,
    last106Line: 0,
    openTransactionLine: 0,
    haltedAt: 0,
  };
  private firstRecordLine = 0;
  private seen107 = 0;
  private txnLine = 0;
  private txnRecords = 0;
  private txn: Pending[] = [];
  private readonly table = new Map<string, AdEntry>();
  private nextClusterNum: number | undefined;
  private nextClusterLine = 0;
  private readonly goodValues = new Set<string>();

  constructor(
    private readonly issue: (issue: JobqIssue) => void,
    private readonly options: ValidatorOptions = {},
  ) {}

  private warn(line: number, code: string, message: string, consequence?: string): void {
    this.issue({ severity: 'warning', code, line, message, consequence });
  }

  /**
   * Stops the transaction and replay checks at the first error: the schedd
   * reads nothing after a corrupt record, so what follows would only produce
   * noise. Values are still parsed, and the record grammar still checked.
   */
  halt(line: number): void {
    if (this.stats.haltedAt === 0) this.stats.haltedAt = line;
  }

  /** Takes one line (invalid lines, op 0, only count as lines). */
  record(v: RecordView): void {
    const op = v.op;
    if (op === 0) return;
    if (op === Op.EndTransaction) this.stats.last106Line = v.lineNo;
    if (this.stats.haltedAt !== 0) {
      if (op === Op.SetAttribute && this.options.values) this.checkValue(v);
      return;
    }
    if (this.firstRecordLine === 0) this.firstRecordLine = v.lineNo;
    switch (op) {
      case Op.HistoricalSequenceNumber:
        if (this.seen107++ === 0) {
          this.stats.sequence = dec(v.buf, v.w0s, v.w0e);
          this.stats.birthdate = dec(v.buf, v.w2s, v.w2e);
          if (v.lineNo !== this.firstRecordLine)
            this.warn(
              v.lineNo,
              '107-not-first',
              'the 107 record is not the first record (the schedd writes it first; it only warns and takes its values)',
            );
        } else {
          this.warn(
            v.lineNo,
            '107-repeated',
            'another 107 record (the schedd writes one per file; it takes the values of the last one)',
          );
        }
        return;
      case Op.BeginTransaction:
        if (this.txnLine !== 0) {
          this.warn(
            v.lineNo,
            'nested-105',
            `105 inside the transaction opened at line ${this.txnLine}: the schedd warns ("nested transactions, log may be bogus") and keeps adding to the open transaction`,
          );
          return;
        }
        this.txnLine = v.lineNo;
        this.txnRecords = 0;
        this.txn = [];
        return;
      case Op.EndTransaction:
        if (this.txnLine === 0) {
          this.warn(
            v.lineNo,
            'unmatched-106',
            '106 without a matching 105: the schedd warns and ignores it',
          );
          return;
        }
        this.stats.transactions++;
        for (const p of this.txn) this.apply(p);
        this.txn = [];
        this.txnLine = 0;
        return;
      default:
        break;
    }
    if (op === Op.SetAttribute && this.options.values) {
      this.checkValue(v);
      if (this.stats.haltedAt !== 0) return;
    }
    if (this.txnLine !== 0) this.txnRecords++;
    if (!this.options.replay) return;
    const { key, cluster, proc } = parseKey(v.buf, v.w0s, v.w0e);
    const p: Pending = { op, key, cluster, proc, line: v.lineNo };
    if (
      (op === Op.SetAttribute || op === Op.DeleteAttribute) &&
      cluster === 0 &&
      proc === 0 &&
      isAsciiCi(v.buf, v.w1s, v.w1e, 'nextclusternum')
    ) {
      if (op === Op.DeleteAttribute) p.next = null;
      else {
        const t = v.buf.toString('latin1', v.vs, v.ve).trim();
        p.next = /^\d+$/.test(t) ? Number(t) : null;
      }
    }
    if (this.txnLine !== 0) this.txn.push(p);
    else this.apply(p);
  }

  private checkValue(v: RecordView): void {
    // Logs repeat values (Requirements, Rank, true, 0...): parse each distinct short one once.
    const short = v.ve - v.vs <= 512;
    const value = short ? v.buf.toString('latin1', v.vs, v.ve) : '';
    if (short && this.goodValues.has(value)) return;
    const text = v.buf.toString('latin1', v.start, v.end);
    const off = v.start;
    const err = valueSyntaxError(text, v.vs - off, v.ve - off);
    if (!err) {
      if (short) {
        if (this.goodValues.size >= 50_000) this.goodValues.clear();
        this.goodValues.add(value);
      }
      return;
    }
    this.halt(v.lineNo);
    this.issue({
      severity: 'error',
      code: 'value-syntax',
      line: v.lineNo,
      column: err.start + 1,
      message: `the value is not an old-syntax ClassAd expression: ${err.message}`,
    });
  }

  private apply(p: Pending): void {
    switch (p.op) {
      case Op.NewClassAd:
        if (this.table.has(p.key))
          this.warn(
            p.line,
            'existing-ad',
            `101 for the ad ${p.key}, which exists (created at line ${this.table.get(p.key)!.line}): the schedd ignores it`,
          );
        else this.table.set(p.key, { cluster: p.cluster, proc: p.proc, line: p.line });
        return;
      case Op.DestroyClassAd:
        if (!this.table.delete(p.key))
          this.warn(p.line, 'missing-ad', `102 for the ad ${p.key}, which does not exist`);
        return;
      default:
        if (!this.table.has(p.key)) {
          this.warn(
            p.line,
            'missing-ad',
            `${p.op} for the ad ${p.key}, which does not exist: the schedd silently ignores it`,
          );
          return;
        }
        if (p.next !== undefined) {
          this.nextClusterNum = p.next ?? undefined;
          this.nextClusterLine = p.line;
        }
    }
  }

  /** Ends the log: reports an open final transaction and the header check. */
  finish(lines: number): void {
    if (this.stats.haltedAt !== 0) return;
    if (this.txnLine !== 0) {
      this.stats.openTransactionLine = this.txnLine;
      this.warn(
        this.txnLine,
        'open-transaction',
        `the final transaction (105 at line ${this.txnLine}) has no 106: its ${this.txnRecords} record(s) are discarded on replay (a crash while writing)`,
        'the schedd drops them and compacts the log at start-up; keep the lines as they are and never append a 106',
      );
    }
    if (this.seen107 === 0 && lines > 0)
      this.warn(
        0,
        'no-107',
        'the log has no 107 record: the schedd takes sequence number 1 and the current time as the queue birthdate',
      );
    if (!this.options.replay) return;
    let maxCluster = 0;
    let maxLine = 0;
    for (const ad of this.table.values()) {
      if (ad.cluster > 0 && ad.proc >= -1 && ad.cluster > maxCluster) {
        maxCluster = ad.cluster;
        maxLine = ad.line;
      }
    }
    this.stats.ads = this.table.size;
    this.stats.maxCluster = maxCluster;
    this.stats.nextClusterNum = this.nextClusterNum;
    if (this.nextClusterNum !== undefined && maxCluster >= this.nextClusterNum) {
      this.issue({
        severity: 'error',
        code: 'next-cluster-num',
        line: this.nextClusterLine,
        message: `the header's NextClusterNum ${this.nextClusterNum} is not greater than the highest cluster id ${maxCluster} (its ad was created at line ${maxLine})`,
        consequence:
          'the schedd refuses to start: "JOB QUEUE DAMAGED; header ad NEXT_CLUSTER_NUM invalid"',
      });
    }
  }
}

/** What the schedd does with a corrupt record at `line` (spec §8). */
export function corruptRecordConsequence(line: number, last106Line: number, lines: number): string {
  if (last106Line > line)
    return `the schedd refuses to start: a valid 106 follows at line ${last106Line}, so this corrupt record lies inside a closed transaction and recovery fails`;
  if (line >= lines) return 'the schedd drops this record and compacts the log at start-up';
  return `the schedd silently drops this record and every later one (lines ${line}-${lines}) and compacts the log at start-up`;
}

/** Fills in the consequence of every error that has none. */
export function assignConsequences(issues: JobqIssue[], last106Line: number, lines: number): void {
  for (const i of issues) {
    if (i.severity === 'error' && i.consequence === undefined && i.line > 0)
      i.consequence = corruptRecordConsequence(i.line, last106Line, lines);
  }
}
