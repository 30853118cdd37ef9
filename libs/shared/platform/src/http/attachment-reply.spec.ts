import { rfc5987 } from './attachment-reply';

describe('rfc5987', () => {
  it('percent-encodes UTF-8 and every character outside attr-char, so the name stays one ext-value', () => {
    expect(rfc5987('Báo cáo (quý I) \u201cđợt\u201d; a"b\'c*.pdf')).toBe(
      'B%C3%A1o%20c%C3%A1o%20%28qu%C3%BD%20I%29%20%E2%80%9C%C4%91%E1%BB%A3t%E2%80%9D%3B%20a%22b%27c%2A.pdf',
    );
    expect(rfc5987('bao-cao_2017.v1~x!.pdf')).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });
});
