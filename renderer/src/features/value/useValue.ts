import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { EMPTY_VALUE, readValue } from '../../../../shared/value/doc/valueDoc';
import { useYSnapshot } from '../../hooks/useYSnapshot';

/** A validated snapshot of the project's value section, re-read when the document changes. */
export function useValue(doc: Y.Doc | undefined) {
  return useYSnapshot(doc, readValue, EMPTY_VALUE);
}

/** The current instant, ticking, for deadlines and auto-releases. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/**
 * Who this device acts as in a project (a person of the network). Until the trust-scaffolding
 * issue gives people keys, the choice is the user's, kept on this device; every event records it.
 */
export function useActingAs(projectId: string): [string, (id: string) => void] {
  const key = `archipelago.actingAs.${projectId}`;
  const [me, setMe] = useState(() => localStorage.getItem(key) ?? '');
  return [
    me,
    (id: string) => {
      localStorage.setItem(key, id);
      setMe(id);
    },
  ];
}

/** Digits after the decimal point in a currency (EUR 2, JPY 0), from the platform's Intl data. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMinor(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits }).format(amount / 10 ** digits);
  } catch {
    return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** "500.25" in the currency's major units → minor units, or undefined when it is not a positive amount. */
export function parseMajor(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const m = /^\s*(\d+)(?:[.,](\d+))?\s*$/.exec(text);
  if (!m || (m[2] ?? '').length > digits) return undefined;
  const minor = Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || 0);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : undefined;
}

export const newEventId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
