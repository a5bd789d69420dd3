// China keeps one zone and no daylight saving, so Beijing time is UTC+8 all year.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads an editor's date as Beijing time. Accepts `2022-07-12`, `2022-07-12 09:30`,
 * `2022-07-12T09:30:00`, or a Date that YAML already parsed (whose UTC fields are the
 * wall-clock time the editor wrote). Returns null for impossible dates like 2024-02-30.
 */
export function parseBeijingDate(value: string | Date): Date | null {
  let parts: number[];
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    parts = [
      value.getUTCFullYear(),
      value.getUTCMonth() + 1,
      value.getUTCDate(),
      value.getUTCHours(),
      value.getUTCMinutes(),
      value.getUTCSeconds(),
    ];
  } else {
    const match = DATE_TIME.exec(value.trim());
    if (!match) return null;
    parts = match.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  }
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(utc - BEIJING_OFFSET_MS);
}

interface BeijingParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock fields of an instant in Beijing. */
export function beijingParts(date: Date): BeijingParts {
  const t = new Date(date.getTime() + BEIJING_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A date as readers see it, one style per context: `prose` for sentences, headers and meta
 * lines (`2022年7月12日`, and ` 09:30` when `withTime` and the editor gave a time), `list` for
 * dense lists of headlines and search results (`2022-07-12`), where columns of dates align.
 */
export function displayDate(date: Date, style: 'prose' | 'list', withTime = false): string {
  if (style === 'list') return formatIsoDay(date);
  const { year, month, day, hour, minute } = beijingParts(date);
  const time = withTime && (hour !== 0 || minute !== 0) ? ` ${pad(hour)}:${pad(minute)}` : '';
  return `${year}年${month}月${day}日${time}`;
}

/** `2022-07-12`: the compact date, as editors write it and lists show it. */
export function formatIsoDay(date: Date): string {
  const { year, month, day } = beijingParts(date);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2022-07-12 09:30`, as editors write it; the time is left out when they gave none (midnight). */
export function formatDateTime(date: Date): string {
  const { hour, minute } = beijingParts(date);
  return hour === 0 && minute === 0 ? formatIsoDay(date) : `${formatIsoDay(date)} ${pad(hour)}:${pad(minute)}`;
}

/** `2022-07-12T09:30:00+08:00`, for `<time datetime>` and structured data. */
export function formatIsoBeijing(date: Date): string {
  const { hour, minute } = beijingParts(date);
  return `${formatIsoDay(date)}T${pad(hour)}:${pad(minute)}:00+08:00`;
}

// Chinese numerals; 〇 is also typed as ○, 零 or a capital O.
const HAN_DIGITS = '〇一二三四五六七八九';
const HAN = `${HAN_DIGITS}十`;

/** A number written in digits or in Chinese numerals: 2024, 二〇二四, 五, 十二, 二十, 三十一. */
function readNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string) => (c === '' ? NaN : HAN_DIGITS.indexOf(c));
  if (!text.includes('十')) return Number([...text].map(digit).join(''));
  const [tens = '', ones = ''] = text.split('十');
  return (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0);
}

// A whole line that is only a date, after an optional label: 2024年5月20日, 二〇二四年五月二十日,
// 2024-05-20, 2024.5.20, 2024/5/20 (full-width digits and spaces are read as ASCII first).
const DATE_LINE = new RegExp(
  `^(?:(?:发布|成文|印发)?(?:日期|时间)\\s*[:：]?\\s*)?` +
    `(?:(\\d{4}|[${HAN}]{4})\\s*年\\s*(\\d{1,2}|[${HAN}]{1,3})\\s*月\\s*(\\d{1,2}|[${HAN}]{1,3})\\s*日` +
    `|(\\d{4})\\s*([-./])\\s*(\\d{1,2})\\s*\\5\\s*(\\d{1,2})\\s*日?)$`,
);

/**
 * The day a line of a document states, as `2024-05-20`, when the line is only a date (a
 * 落款 date, or the date under a headline), in digits or Chinese numerals; undefined for any
 * other line and for days that do not exist.
 */
export function parseChineseDay(line: string): string | undefined {
  const match = DATE_LINE.exec(
    line
      .normalize('NFKC')
      .replace(/[○零O]/g, '〇')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (!match) return undefined;
  const [year, month, day] = (match[1] ? [match[1], match[2], match[3]] : [match[4], match[6], match[7]]).map((p) =>
    readNumber(p!),
  );
  const iso = `${year}-${pad(month!)}-${pad(day!)}`;
  return parseBeijingDate(iso) ? iso : undefined;
}
