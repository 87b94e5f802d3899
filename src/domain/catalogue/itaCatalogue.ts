/**
 * The ITA criteria of one assessment year: the ten indicators and the items
 * (i/e/o codes) under them, with their Thai names. The importer matches each
 * printed item code against these names, because in real documents the name
 * is more reliable than the printed number (ita-reference.md §2, §8).
 *
 * Years are added as data (one file per year) and registered here; a year
 * with no table of its own uses the closest earlier one, since the criteria
 * change rarely and the importer only warns, never refuses, on a mismatch.
 */
import type { Instrument } from '../types';
import { ITA_2566 } from './ita2566';

export interface CatalogueIndicator {
  number: number;
  name: string;
  instrument: Instrument;
}

export interface CatalogueItem {
  /** Lower case, e.g. `i13`, `e9`, `o11`. */
  code: string;
  indicator: number;
  /** For IIT/EIT the survey question; for OIT the title of the published item. */
  name: string;
}

export interface ItaCatalogue {
  /** Assessment year (BE) the table was written for. */
  year: number;
  indicators: readonly CatalogueIndicator[];
  items: readonly CatalogueItem[];
}

const CATALOGUES: readonly ItaCatalogue[] = [ITA_2566];

/** The criteria of `year`, or of the closest earlier year we have (else the earliest). */
export function catalogueFor(year: number): ItaCatalogue {
  const sorted = [...CATALOGUES].sort((a, b) => b.year - a.year);
  return sorted.find((c) => c.year <= year) ?? (sorted[sorted.length - 1] as ItaCatalogue);
}

export function catalogueItem(catalogue: ItaCatalogue, code: string): CatalogueItem | undefined {
  return catalogue.items.find((item) => item.code === code);
}

export function catalogueIndicator(catalogue: ItaCatalogue, number: number): CatalogueIndicator | undefined {
  return catalogue.indicators.find((indicator) => indicator.number === number);
}

/** The instrument an item code belongs to, from its letter. */
export function instrumentOfCode(code: string): Instrument | null {
  switch (code[0]) {
    case 'i':
      return 'IIT';
    case 'e':
      return 'EIT';
    case 'o':
      return 'OIT';
    default:
      return null;
  }
}
