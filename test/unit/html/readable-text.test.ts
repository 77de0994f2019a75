import { describe, expect, it } from 'vitest';
import { dateInWords, momentInWords } from '../../../shared/domain/calendar';
import { renderEmail } from '../../../shared/email/templates';
import { renderMarkdown } from '../../../shared/html/markdown';

describe('agreement text, as signatories read it', () => {
  it('renders Markdown headings (below the page title), lists and emphasis as HTML', () => {
    const html = renderMarkdown('# Joint control room\n\n## 1. Purpose\n\nThe parties **share** a room:\n\n- fire\n- police').value;
    expect(html).toContain('<h2>Joint control room</h2>');
    expect(html).toContain('<h3>1. Purpose</h3>');
    expect(html).not.toContain('<h1>');
    expect(html).toContain('<strong>share</strong>');
    expect(html).toContain('<li>fire</li>');
    expect(html).not.toContain('# Joint');
  });

  it('lets nothing executable through: raw HTML shows as text, script links are dropped, images load nothing', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [docs](https://www.legislation.gov.uk/ukpga/2017/3) ![x](https://evil.example/x.png)').value;
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://www.legislation.gov.uk/ukpga/2017/3" rel="noopener noreferrer">docs</a>');
  });
});

describe('dates in words, on London time', () => {
  it('writes calendar dates and moments as people do, in UK time whatever the season', () => {
    expect(dateInWords('2026-12-09')).toBe('9 December 2026');
    expect(momentInWords('2026-12-09T09:11:29.802Z')).toBe('9 December 2026 at 09:11 UK time');
    expect(momentInWords('2026-07-01T23:30:00Z')).toBe('2 July 2026 at 00:30 UK time');
  });

  it('puts them in the emails, with who asked, what the agreement is and by when to decide', () => {
    const email = renderEmail(
      {
        id: 'm1',
        agreementId: 'a1',
        template: 'signature_requested',
        vars: {
          reference: 'CA-2026-0007',
          title: 'Joint control room',
          summary: 'Fire and police share a control room.',
          parties: 'Warwickshire Fire and Rescue Service, Warwickshire Police',
          owner: 'legal@warwickshire-fire.gov.uk',
          linkExpiresAt: '2026-12-09T09:11:29.802Z',
        },
        recipients: [{ to: 'cfo@fire.test', name: 'Ben Brook', party: 'Warwickshire Fire and Rescue Service' }],
        createdAt: '2026-11-25T09:11:29.802Z',
      },
      { to: 'cfo@fire.test', name: 'Ben Brook', party: 'Warwickshire Fire and Rescue Service' },
      { agreementUrl: 'https://accord.test/app/agreements/a1', signingUrl: 'https://accord.test/sign/x' },
    );
    expect(email.text).toContain('record your decision by 9 December 2026 at 09:11 UK time');
    expect(email.text).not.toContain('2026-12-09T');
    expect(email.text).toContain('Asked by: legal@warwickshire-fire.gov.uk');
    expect(email.text).toContain('Summary: Fire and police share a control room.');
    expect(email.text).toContain('Parties: Warwickshire Fire and Rescue Service, Warwickshire Police');
    expect(email.html).toContain('9 December 2026 at 09:11 UK time');
  });
});
