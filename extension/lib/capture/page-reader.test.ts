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

  it('finds the author in JSON-LD when there is no author meta tag, and ignores broken JSON-LD', () => {
    document.head.innerHTML = `
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","author":[{"@type":"Person","name":"Grace Hopper"},{"@type":"Person","name":"Ada Lovelace"}]}]}</script>
      <meta property="article:author" content="https://facebook.com/someone">`;
    expect(readPageDetails({}).author).toBe('Grace Hopper, Ada Lovelace');
  });

  it('prefers a name to a profile address, and uses the address only when nothing else names the author', () => {
    document.head.innerHTML = '<meta property="article:author" content="https://facebook.com/someone">';
    document.body.innerHTML = '<p>By <a rel="author" href="/people/grace">Grace Hopper</a></p>';
    expect(readPageDetails({}).author).toBe('Grace Hopper');
    document.body.innerHTML = '';
    expect(readPageDetails({}).author).toBe('https://facebook.com/someone');
  });

  it('names the clicked video from its title, label or figure caption', () => {
    document.body.innerHTML = `
      <video src="https://cdn.example.com/a.mp4" title="Harbour at dawn"></video>
      <figure><video><source src="https://cdn.example.com/b.webm"></video><figcaption> Boats leaving </figcaption></figure>`;
    expect(readPageDetails({ srcUrl: 'https://cdn.example.com/a.mp4' }).videoTitle).toBe('Harbour at dawn');
    expect(readPageDetails({ srcUrl: 'https://cdn.example.com/b.webm' }).videoTitle).toBe('Boats leaving');
    expect(readPageDetails({ srcUrl: 'https://cdn.example.com/other.mp4' }).videoTitle).toBeNull();
  });
});
