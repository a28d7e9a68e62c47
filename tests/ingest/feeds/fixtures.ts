// Small feeds shared by the parser, poller and CLI tests.

export const RSS2 = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Example News</title>
  <link>https://news.example.com/</link>
  <atom:link rel="self" href="https://news.example.com/feed.xml"/>
  <item>
    <title>Council approves &amp; funds new bridge</title>
    <link>https://news.example.com/2025/bridge?utm_source=rss&amp;utm_medium=feed&amp;id=7#comments</link>
    <guid isPermaLink="false">bridge-7</guid>
    <dc:creator>Ana Ruiz</dc:creator>
    <pubDate>Tue, 07 Jan 2025 09:30:00 +0100</pubDate>
    <description><![CDATA[<p>The council voted 7-2.</p>]]></description>
    <content:encoded><![CDATA[<p>The council voted 7-2 on Monday.</p><p>Work starts in May.</p>]]></content:encoded>
  </item>
  <item>
    <title>No link here</title>
    <guid isPermaLink="false">nolink-1</guid>
    <description>Plain description</description>
  </item>
</channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/">
  <title type="html">Dev &lt;b&gt;Blog&lt;/b&gt;</title>
  <link href="/" rel="alternate" type="text/html"/>
  <entry>
    <title type="text">Release 2.0 &lt;beta&gt;</title>
    <link rel="self" href="/entries/2.xml"/>
    <link rel="alternate" type="text/html" href="posts/release-2"/>
    <id>tag:blog.example.org,2025:2</id>
    <updated>2025-02-01T12:00:00Z</updated>
    <published>2025-01-31T08:00:00-05:00</published>
    <author><name>Kim Lee</name></author>
    <summary>Short summary</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Full <em>text</em></p></div></content>
  </entry>
</feed>`;

export const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://rdf.example.net/"><title>RDF Site</title><link>http://rdf.example.net/</link></channel>
  <item rdf:about="http://rdf.example.net/a1">
    <title>First</title><link>http://rdf.example.net/a1</link><dc:date>2004-03-01T10:00:00Z</dc:date>
    <description>One</description>
  </item>
</rdf:RDF>`;

export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Times',
  home_page_url: 'https://json.example.com/',
  items: [
    { id: '1', url: 'https://json.example.com/1?fbclid=abc', title: 'One', content_html: '<p>Hello</p>', date_published: '2025-03-01T00:00:00Z', authors: [{ name: 'Jo' }] },
    { id: 2, content_text: 'No title, text only' },
    'not an item',
  ],
});

/** Ill-formed: HTML entities, a bare ampersand, an unclosed item and no closing tags at the end. */
export const BROKEN_RSS = `<rss version="2.0"><channel><title>Broken &nbsp;Feed &copy; 2025</title>
<item><title>Fish & Chips</title><link>http://broken.example.com/1?a=1&b=2</link><description>caf&eacute;</description></item>
<item><title>Second</title><link>http://broken.example.com/2</link>
`;
