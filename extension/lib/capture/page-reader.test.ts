import { beforeEach, describe, expect, it } from 'vitest';
import { readPageDetails } from './page-reader.js';

describe('readPageDetails (runs inside the page)', () => {
  beforeEach(() => {
    document.head.innerHTML = `
      <title>Harbour news</title>
      <link rel="canonical" href="/story">
      <meta property="og:title" content="  The harbour story ">
      <meta property="og:description" content="Boats, mostly.">
      <meta property="og:image" content="/images/cover.jpg">
      <meta property="og:site_name" content="Example News">
      <meta name="author" content="Grace Hopper">`;
    document.body.innerHTML = `
      <p id="text">Some words here</p>
      <a href="https://other.example.org/more">Read more</a>
      <img src="https://cdn.example.com/boat.png" alt="A boat">`;
    document.title = 'Harbour news';
  });

  it('reads title, canonical URL and Open Graph metadata, with relative addresses made absolute', () => {
    const details = readPageDetails({});
    expect(details).toMatchObject({
      title: 'Harbour news',
      canonicalUrl: new URL('/story', document.baseURI).href,
      ogTitle: 'The harbour story',
      ogDescription: 'Boats, mostly.',
      ogImage: new URL('/images/cover.jpg', document.baseURI).href,
      siteName: 'Example News',
      author: 'Grace Hopper',
      linkText: null,
      imageAlt: null,
    });
    expect(details.url).toBe(location.href);
  });

  it('finds the clicked link’s text and the clicked image’s alt', () => {
    const details = readPageDetails({ linkUrl: 'https://other.example.org/more', srcUrl: 'https://cdn.example.com/boat.png' });
    expect(details.linkText).toBe('Read more');
    expect(details.imageAlt).toBe('A boat');
  });

  it('reads the selection', () => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('text')!);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(readPageDetails({}).selectionText).toBe('Some words here');
  });

  it('gives nulls for a page without metadata', () => {
    document.head.innerHTML = '';
    expect(readPageDetails({})).toMatchObject({ canonicalUrl: null, ogTitle: null, ogImage: null, siteName: null, author: null });
  });
});
