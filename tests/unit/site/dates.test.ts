import { describe, expect, test } from 'vitest';
import {
  displayDate,
  formatDateTime,
  formatIsoBeijing,
  formatIsoDay,
  parseBeijingDate,
  parseChineseDay,
} from '../../../src/site/dates.ts';

describe('parseBeijingDate', () => {
  test('reads a day as midnight in Beijing', () => {
    expect(parseBeijingDate('2022-07-12')?.toISOString()).toBe('2022-07-11T16:00:00.000Z');
  });
  test('reads a day with time, with space or T', () => {
    expect(parseBeijingDate('2022-07-12 09:30')?.toISOString()).toBe('2022-07-12T01:30:00.000Z');
    expect(parseBeijingDate('2022-07-12T09:30:15')?.toISOString()).toBe('2022-07-12T01:30:15.000Z');
  });
  test('takes the UTC fields of a YAML date as the wall-clock time', () => {
    expect(parseBeijingDate(new Date('2022-07-12T00:00:00Z'))?.toISOString()).toBe('2022-07-11T16:00:00.000Z');
  });
  test('refuses impossible and malformed dates', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2022-13-01', '2022-07-12 24:00', '昨天', '12/07/2022', ''])
      expect(parseBeijingDate(bad), bad).toBeNull();
    expect(parseBeijingDate('2024-02-29')).not.toBeNull();
  });
});

describe('formatting', () => {
  const late = parseBeijingDate('2022-07-12 23:30')!;
  test('formats in Beijing time even when UTC is another day', () => {
    expect(late.getUTCDate()).toBe(12);
    expect(displayDate(parseBeijingDate('2022-07-12 07:00')!, 'prose')).toBe('2022年7月12日');
    expect(formatIsoDay(parseBeijingDate('2022-07-12 07:00')!)).toBe('2022-07-12');
  });
  test('shows the time only when one was given', () => {
    expect(formatDateTime(parseBeijingDate('2022-07-12')!)).toBe('2022-07-12');
    expect(formatDateTime(late)).toBe('2022-07-12 23:30');
  });
  test('displays one style per context: prose (with the time when asked and given) and lists', () => {
    expect(displayDate(late, 'prose', true)).toBe('2022年7月12日 23:30');
    expect(displayDate(parseBeijingDate('2022-07-12')!, 'prose', true)).toBe('2022年7月12日');
    expect(displayDate(late, 'prose')).toBe('2022年7月12日');
    expect(displayDate(late, 'list')).toBe('2022-07-12');
  });
  test('writes ISO 8601 with the +08:00 offset', () => {
    expect(formatIsoBeijing(late)).toBe('2022-07-12T23:30:00+08:00');
  });
});

describe('parseChineseDay', () => {
  test('reads a line that is only a date, in digits or Chinese numerals', () => {
    expect(parseChineseDay('2024年5月20日')).toBe('2024-05-20');
    expect(parseChineseDay('二〇二四年五月二十日')).toBe('2024-05-20');
    expect(parseChineseDay('二○二四年十二月三十一日')).toBe('2024-12-31');
    expect(parseChineseDay('二零二四年十月一日')).toBe('2024-10-01');
    expect(parseChineseDay('２０２４年５月２０日')).toBe('2024-05-20');
    expect(parseChineseDay(' 发布时间： 2024 年 5 月 20 日 ')).toBe('2024-05-20');
    expect(parseChineseDay('日期：2024-05-20')).toBe('2024-05-20');
    expect(parseChineseDay('2024.5.20')).toBe('2024-05-20');
  });

  test('refuses other lines and days that do not exist', () => {
    expect(parseChineseDay('2024年5月20日上午，协会召开会议。')).toBeUndefined();
    expect(parseChineseDay('二〇二四年二月三十日')).toBeUndefined();
    expect(parseChineseDay('2024-5/20')).toBeUndefined();
    expect(parseChineseDay('辽宁省纺织服装协会')).toBeUndefined();
  });
});
