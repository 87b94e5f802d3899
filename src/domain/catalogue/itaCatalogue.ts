/**
 * The ITA criteria of one assessment year: the ten indicators and the items
 * (i/e/o codes) under them, with their Thai names. The importer matches each
 * printed item code against these names, because in real documents the name
 * is more reliable than the printed number (ita-reference.md §2, §8).
 *
 * Years are added as data (one file per year) and registered here. Codes
 * move between years (the 2566 o42/o43 are O25/O26 in 2569), so an item is
 * matched by its title before its code is trusted, a year's roles say which
 * item is the measures document and which the report, and a year with no
 * table keeps every code as written (ita-catalogue-2567-2569.md).
 */
import type { Instrument } from '../types';
import { ITA_2566 } from './ita2566';
import { ITA_2569 } from './ita2569';

export interface CatalogueIndicator {
  number: number;
  name: string;
  instrument: Instrument;
}

export interface CatalogueItem {
  /** Lower case, e.g. `i13`, `e9`, `o11`. */
  code: string;
  /** Null where the year's indicator grouping is not known. */
  indicator: number | null;
  /** For IIT/EIT the survey question; for OIT the title of the published item. */
  name: string;
  /** Seen at agencies, not confirmed against the NACC manual. */
  provisional?: boolean;
}

/** Items with a role every year, whatever their code: the measures document and the report on it. */
export interface CatalogueRoles {
  /** o42 in 2566 (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน), O25 in 2569. */
  measures: string | null;
  /** o43 in 2566 (การดำเนินการตามมาตรการ…), O26 in 2569. */
  report: string | null;
}

export interface ItaCatalogue {
  /** Assessment year (BE) the table was written for. */
  year: number;
  /**
   * `established`: codes are corrected against it (2566). `provisional`:
   * known items are recognised but codes are kept as the document wrote
   * them (2569, from agency pages). `none`: no table for the year at all.
   */
  status: 'established' | 'provisional' | 'none';
  /** The instruments whose items it lists; codes of the others are kept as written. */
  letters: readonly ('i' | 'e' | 'o')[];
  indicators: readonly CatalogueIndicator[];
  items: readonly CatalogueItem[];
  roles: CatalogueRoles;
}

/** The catalogues the app ships, for the review screen's choice. */
export const CATALOGUES: readonly ItaCatalogue[] = [ITA_2566, ITA_2569];

/** The choice offered on the review screen: each table, then none at all. */
export function catalogueChoices(): { year: number | null; label: string }[] {
  return [
    ...CATALOGUES.map((c) => ({
      year: c.year,
      label:
        c.status === 'provisional'
          ? `${c.year} (ฉบับชั่วคราว จากเว็บไซต์หน่วยงาน)`
          : `${c.year}${c.year === 2566 ? ' (ใช้กับปี 2567 ด้วย)' : ''}`,
    })),
    { year: null, label: 'ไม่ใช้เกณฑ์: เก็บรหัสตามที่เอกสารเขียน' },
  ];
}

/** A year with no table: every code and text is kept as the document wrote it. */
export function noCatalogue(year: number): ItaCatalogue {
  return {
    year,
    status: 'none',
    letters: [],
    indicators: [],
    items: [],
    roles: { measures: null, report: null },
  };
}

/**
 * The criteria a document of assessment year `year` is read with. Up to 2567
 * the 2566 table (2567 kept its frame as far as sources show; earlier years
 * are read with the closest table we have, as before). 2569 has a
 * provisional table. 2568 renumbered its items in a way no source settles,
 * and years after 2569 are not known yet: no table, codes kept as written.
 */
export function catalogueFor(year: number): ItaCatalogue {
  if (year <= 2567) return ITA_2566;
  return CATALOGUES.find((c) => c.year === year) ?? noCatalogue(year);
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
