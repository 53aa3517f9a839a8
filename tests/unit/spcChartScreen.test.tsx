// The screen's SPC chart rendered to markup: its text alternative is the chart's sentence, every
// special-cause point is drawn in its variation's shape, and the same chart renders the same.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { spcChart } from '../../shared/spc';
import { spcSentence } from '../../shared/spcWords';
import { SpcChart, Sparkline } from '../../renderer/components/SpcChart';

const alternating = (count: number, first: number, second: number) =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? first : second));

// As in the sentence test: 7 months below the mean at the end, improvement where lower is better.
const values = [...alternating(17, 460, 420), ...alternating(7, 412, 415)];
values[4] = 700;
const chart = spcChart({ firstMonth: '2006-04', values, better: 'lower' });
const subject = { title: 'Knife-enabled offences', unit: 'count' as const };

describe('the SPC chart on screen', () => {
  const html = renderToStaticMarkup(<SpcChart subject={subject} chart={chart} />);

  it('describes itself with the chart’s sentence', () => {
    const sentence = spcSentence(subject, chart);
    expect(sentence).toBe(
      'Knife-enabled offences: 412 in March 2008, within the normal range; 7 months below the mean: improvement.',
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="SPC chart: Knife-enabled offences"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<figcaption id="${describedBy}">${sentence}</figcaption>`);
  });

  it('draws the concern as a square and the improvements as diamonds, in the key too', () => {
    const polygons = html.match(/<polygon [^>]*fill="(#[0-9a-f]+)"/g) ?? [];
    // One concern (the month of 700), 7 improvements, then the key's four special-cause shapes.
    expect(polygons.filter((p) => p.includes('#c25400'))).toHaveLength(2);
    expect(polygons.filter((p) => p.includes('#1f5fa8'))).toHaveLength(8);
    expect(html).toContain('Special cause: concern');
    expect(html).toContain('Special cause: improvement');
  });

  it('renders the same markup every time', () => {
    expect(renderToStaticMarkup(<SpcChart subject={subject} chart={chart} />)).toBe(html);
  });

  it('draws a decorative sparkline ending in the latest month’s mark', () => {
    const spark = renderToStaticMarkup(<Sparkline chart={chart} />);
    expect(spark).toContain('aria-hidden="true"');
    expect(spark.match(/<polygon [^>]*fill="#1f5fa8"/g)).toHaveLength(1);
  });
});
