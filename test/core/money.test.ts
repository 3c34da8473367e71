import { readAmount, sum, fmt, amountOrZero, Decimal } from '../../src/model/money';

describe('readAmount', () => {
  it.each([
    [861.5900000000001, 'number', '861.59', 2],
    [3889.89, 'number', '3889.89', 2],
    ['3,889.89', 'number', '3889.89', 2],
    ['３８８９．８９', 'number', '3889.89', 2],
    ['  53.00 ', 'number', '53.00', 0],
    [790.913, 'number', '790.91', 3],
    ['790.913', 'number', '790.91', 3],
    [0, 'number', '0.00', 0],
  ])('%p → %s %s (decimals %d)', (input, kind, value, decimals) => {
    const a = readAmount(input);
    expect(a.kind).toBe(kind);
    expect(a.value && fmt(a.value)).toBe(value);
    expect(a.decimals).toBe(decimals);
  });

  it.each([
    [null, 'blank'], [undefined, 'blank'], ['', 'blank'], ['   ', 'blank'],
    ['—', 'dash'], ['-', 'dash'], ['－', 'dash'],
    ['#N/A', 'error'], ['#VALUE!', 'error'], [{ error: '#REF!' }, 'error'], [NaN, 'error'],
    ['合计', 'text'], ['12元', 'text'], [true, 'text'],
  ])('%p is %s', (input, kind) => {
    const a = readAmount(input);
    expect(a.kind).toBe(kind);
    expect(a.value).toBeNull();
  });

  it('rounds half up to the table precision', () => {
    expect(fmt(readAmount(0.125).value!)).toBe('0.13');
    expect(fmt(readAmount('2.675').value!)).toBe('2.68');
  });

  it('treats blank and dash as zero but not text', () => {
    expect(amountOrZero(readAmount(''))!.isZero()).toBe(true);
    expect(amountOrZero(readAmount('—'))!.isZero()).toBe(true);
    expect(amountOrZero(readAmount('x'))).toBeNull();
  });

  it('sums exactly where doubles do not', () => {
    const parts = [475.46, 3.0, 20.0, 272.93, 6.0, 15.0, 26.2, 43.0].map((n) => readAmount(n).value!);
    expect(fmt(sum(parts))).toBe('861.59');
    expect(sum(parts).equals(new Decimal('861.59'))).toBe(true);
  });
});
